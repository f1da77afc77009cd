using System.Security.Cryptography;

namespace Wijkbasis.Infrastructure.Secrets;

/// <summary>A 256-bit key kept outside the database: from configuration (base64), else from a file that is
/// made on first start (readable by the app's user only). Every app instance needs the same key.</summary>
public static class SecretKey
{
    public static byte[] Load(string? configured, string file, string purpose, ILogger log)
    {
        byte[] key;
        if (!string.IsNullOrEmpty(configured))
        {
            key = Convert.FromBase64String(configured);
        }
        else if (File.Exists(file))
        {
            key = Convert.FromBase64String(File.ReadAllText(file).Trim());
        }
        else
        {
            key = RandomNumberGenerator.GetBytes(32);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            File.WriteAllText(file, Convert.ToBase64String(key));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            log.LogWarning("Made a new {Purpose} key in {File}; keep it safe and give every instance the same key", purpose, file);
        }
        if (key.Length < 32)
        {
            throw new InvalidOperationException($"The {purpose} key must be at least 32 bytes.");
        }
        return key;
    }
}
