using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Secrets;

namespace Wijkbasis.Infrastructure;

/// <summary>Data-protection keys live in the database so every app instance can read every cookie
/// and antiforgery token (the EF Core key-store package is not in this machine's NuGet mirror).</summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
        return db.DataProtectionKeys.Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

/// <summary>The key that encrypts the data-protection keys before they go into the database, so a copy of
/// the database alone cannot forge a login cookie. Made only while the database holds no data-protection key; otherwise
/// a missing or other key stops the app (docs/decisions/0018), so a fresh key is never written over the existing ones.</summary>
public sealed class KeyEncryptionKey
{
    public KeyEncryptionKey(IConfiguration configuration, ILogger<KeyEncryptionKey> log, ProtectedData data)
    {
        var configured = configuration["DataProtection:KeyEncryptionKey"];
        var file = configuration["DataProtection:KeyEncryptionKeyFile"] ?? "data/key-encryption.key";
        try
        {
            key = HKDF.DeriveKey(HashAlgorithmName.SHA256, SecretKey.Load(configured, file, "key-encryption", log, data.HasDataProtectionKeys),
                32, info: "wijkbasis data-protection keys"u8.ToArray());
            KeyChecks.CheckKeyEncryptionKey(key, data, string.IsNullOrEmpty(configured) ? Path.GetFullPath(file) : "DataProtection:KeyEncryptionKey");
        }
        catch (KeyProblemException e)
        {
            // Kept, not thrown: the app starts and serves the maintenance page that names the key (Secrets/KeyGuard);
            // data protection cannot encrypt a new key with it, so none is stored over the existing ones.
            Problem = e;
        }
    }

    private readonly byte[]? key;

    /// <summary>Set when the key is missing or does not open the data-protection keys in the database.</summary>
    public KeyProblemException? Problem { get; }

    /// <summary>A 256-bit AES key derived (HKDF) from the configured secret, whatever its length.</summary>
    public byte[] Key => Problem is null ? key! : throw Problem;
}

/// <summary>AES-256-GCM around each data-protection key element (authenticated: a changed row fails).</summary>
public sealed class AesGcmXmlEncryptor(IServiceProvider services) : IXmlEncryptor
{
    public const string ElementName = "aesGcmEncrypted";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        // Resolved on use: building data protection's options must not fail when the key has a problem.
        using (var aes = new AesGcm(services.GetRequiredService<KeyEncryptionKey>().Key, tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }
        var element = new XElement(ElementName,
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            new XAttribute("tag", Convert.ToBase64String(tag)),
            Convert.ToBase64String(ciphertext));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}

/// <summary>Made by data protection through its activator, hence the service-provider constructor.</summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => Decrypt(services.GetRequiredService<KeyEncryptionKey>().Key, encryptedElement);

    internal static XElement Decrypt(byte[] key, XElement encryptedElement)
    {
        var nonce = Convert.FromBase64String(encryptedElement.Attribute("nonce")!.Value);
        var tag = Convert.FromBase64String(encryptedElement.Attribute("tag")!.Value);
        var ciphertext = Convert.FromBase64String(encryptedElement.Value);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext);
        }
        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
    }
}

public static class DataProtectionSetup
{
    public static WebApplicationBuilder AddSharedDataProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("Wijkbasis");
        builder.Services.AddSingleton<DatabaseXmlRepository>();
        builder.Services.AddSingleton<KeyEncryptionKey>();
        builder.Services.AddSingleton<ProtectedData>();
        builder.Services.AddSingleton<AesGcmXmlEncryptor>();
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<DatabaseXmlRepository, AesGcmXmlEncryptor>((o, repository, encryptor) =>
            {
                o.XmlRepository = repository;
                o.XmlEncryptor = encryptor;
            });
        return builder;
    }
}
