using System.Security.Cryptography;

namespace Wijkbasis.Infrastructure.Secrets;

/// <summary>A 256-bit key kept outside the database: from configuration (base64), else from a file. The file is made
/// only while the database holds nothing the key protects (a new installation); once it does, a missing file is an
/// error that names the key, never a reason to make a new one (docs/decisions/0018). Every app instance needs the same key.</summary>
public static class SecretKey
{
    /// <param name="protectsData">Asked only when the file is missing: does the database hold data made with this key?</param>
    public static byte[] Load(string? configured, string file, string purpose, ILogger log, Func<bool> protectsData)
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
            if (protectsData())
            {
                throw new KeyProblemException(purpose, Path.GetFullPath(file),
                    $"The {purpose} key file {Path.GetFullPath(file)} is missing, but the database holds data made with that key. " +
                    "Put the original file back (from the backup); a new key would make that data unreadable.");
            }
            key = RandomNumberGenerator.GetBytes(32);
            CreateOwnerOnly(file, Convert.ToBase64String(key));
            log.LogWarning("Made a new {Purpose} key in {File}; keep it safe and give every instance the same key", purpose, file);
        }
        if (key.Length < 32)
        {
            throw new InvalidOperationException($"The {purpose} key must be at least 32 bytes.");
        }
        return key;
    }

    /// <summary>Creates a new file readable and writable by the app's user only, with that mode from the first byte
    /// on (not made first and narrowed after); fails when the file already exists, so a key is never written over.</summary>
    public static void CreateOwnerOnly(string file, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var writer = new StreamWriter(file, System.Text.Encoding.ASCII, options);
        writer.Write(text);
    }

    /// <summary>A new, unique field-key id (never "k1" again): the date and random hex, so old and new ciphertext can
    /// always be told apart, even after a key file was lost and made again.</summary>
    public static string NewKeyId(DateTime now) => $"k{now:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
}

/// <summary>A key outside the database is missing, or is not the key the data in the database was made with.
/// The app then serves only a maintenance page (503) and /readyz is unhealthy (see <see cref="KeyGuard"/>).</summary>
public sealed class KeyProblemException(string key, string where, string message) : InvalidOperationException(message)
{
    /// <summary>Which key: "audit chain", "key-encryption", "field-encryption k…".</summary>
    public string Key { get; } = key;
    /// <summary>The file or setting it is read from.</summary>
    public string Where { get; } = where;
}
