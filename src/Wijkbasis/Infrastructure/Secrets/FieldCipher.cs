using System.Security.Cryptography;
using System.Text;
using Wijkbasis.Data;

namespace Wijkbasis.Infrastructure.Secrets;

/// <summary>Special-category text as it is stored: ciphertext only. It cannot be shown by accident
/// (<see cref="ToString"/> says it is sealed); <see cref="FieldCipher.Open"/> reads it.</summary>
public sealed class SealedText(string stored)
{
    public string Stored { get; } = stored;

    /// <summary>The key that sealed it ("k1"), to see what a key rotation still has to reseal.</summary>
    public string KeyId => Stored.Split(':') is [FieldCipher.Format, var id, _] ? id : "?";

    public override string ToString() => "[versleuteld]";
}

/// <summary>AES-256-GCM for special-category fields (intake answers, ZRM scores, case notes). Keys live outside
/// the database (configuration or a key file); the newest key seals, every key still listed opens, so keys can be
/// rotated. The additional data binds a ciphertext to its record and field, so a value copied into another
/// row or column does not open.</summary>
public sealed class FieldCipher(FieldKeyRing keys)
{
    public const string Format = "wb1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public string ActiveKeyId => keys.ActiveId;

    /// <summary>Seals <paramref name="text"/> for field <paramref name="field"/> of <paramref name="owner"/>;
    /// empty text is stored as nothing.</summary>
    public SealedText? Seal(string? text, IAudited owner, string field) =>
        string.IsNullOrEmpty(text) ? null : SealWith(keys.ActiveId, text, Context(owner, field));

    public string? Open(SealedText? sealedText, IAudited owner, string field) =>
        sealedText is null ? null : Open(sealedText, Context(owner, field));

    internal static string Context(IAudited owner, string field) => $"{owner.GetType().Name}.{field}:{owner.Id:N}";

    internal SealedText SealWith(string keyId, string text, string context)
    {
        var plain = Encoding.UTF8.GetBytes(text);
        var blob = new byte[NonceSize + TagSize + plain.Length];
        var nonce = blob.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.Key(keyId), TagSize);
        aes.Encrypt(nonce, plain, blob.AsSpan(NonceSize + TagSize), blob.AsSpan(NonceSize, TagSize), AdditionalData(keyId, context));
        return new SealedText($"{Format}:{keyId}:{Convert.ToBase64String(blob)}");
    }

    /// <summary>Opens a sealed value; throws <see cref="CryptographicException"/> when it was changed, moved to
    /// another record or field, or sealed with a key that is no longer listed.</summary>
    internal string Open(SealedText sealedText, string context)
    {
        if (sealedText.Stored.Split(':') is not [Format, var keyId, var body])
        {
            throw new CryptographicException("A sealed field is not in the wb1 format.");
        }
        var blob = Convert.FromBase64String(body);
        if (blob.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("A sealed field is too short.");
        }
        var plain = new byte[blob.Length - NonceSize - TagSize];
        using var aes = new AesGcm(keys.Key(keyId), TagSize);
        aes.Decrypt(blob.AsSpan(0, NonceSize), blob.AsSpan(NonceSize + TagSize), blob.AsSpan(NonceSize, TagSize), plain,
            AdditionalData(keyId, context));
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] AdditionalData(string keyId, string context) => Encoding.UTF8.GetBytes($"{Format}|{keyId}|{context}");
}

/// <summary>The field-encryption keys: <c>FieldEncryption:Keys</c> ("k1=base64;k2=base64") or the key file
/// (one "k1 base64" per line), made with one key on first start. The last key listed seals; all listed keys
/// open. Rotation: add a key (tools/field-key), restart, and <see cref="FieldResealing"/> reseals the old values;
/// then the old key can be removed.</summary>
public sealed class FieldKeyRing
{
    private readonly Dictionary<string, byte[]> keys = new(StringComparer.Ordinal);

    private readonly string? activeId;

    /// <summary>Set when a key file is missing or a key is not the one the database's fields were sealed with
    /// (kept, not thrown: the app starts and serves the maintenance page that names the key, see <see cref="KeyGuard"/>).</summary>
    public KeyProblemException? Problem { get; }

    public string ActiveId => Problem is null ? activeId! : throw Problem;
    public IReadOnlyCollection<string> Ids => Problem is null ? keys.Keys : [];

    /// <summary>Keys as configured, not checked against a database (tools and unit tests).</summary>
    public FieldKeyRing(IConfiguration configuration, ILogger<FieldKeyRing> log) : this(configuration, log, null, TimeProvider.System)
    {
    }

    /// <summary>The app's key ring: a key file is made only while the database holds no sealed field, and every key
    /// id the database uses must be listed and open its values (docs/decisions/0018).</summary>
    public FieldKeyRing(IConfiguration configuration, ILogger<FieldKeyRing> log, ProtectedData? data, TimeProvider time)
    {
        try
        {
            activeId = Load(configuration, log, data, time);
        }
        catch (KeyProblemException e) when (data is not null)
        {
            Problem = e;
        }
    }

    private string Load(IConfiguration configuration, ILogger log, ProtectedData? data, TimeProvider time)
    {
        var configured = configuration["FieldEncryption:Keys"];
        var file = configuration["FieldEncryption:KeyFile"] ?? "data/field-encryption.keys";
        IEnumerable<string> entries;
        if (!string.IsNullOrEmpty(configured))
        {
            entries = configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        else
        {
            if (!File.Exists(file))
            {
                if (data?.HasSealedFields() == true)
                {
                    throw new KeyProblemException("field-encryption", Path.GetFullPath(file),
                        $"The field-encryption key file {Path.GetFullPath(file)} is missing, but the database holds fields sealed with its keys. " +
                        "Put the original file back (from the backup); a new key would make those fields unreadable.");
                }
                // Readable by the app's user only from the first byte on; a unique id, never "k1" again.
                SecretKey.CreateOwnerOnly(file, $"{SecretKey.NewKeyId(time.GetUtcNow().UtcDateTime)} {Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}\n");
                log.LogWarning("Made a new field-encryption key file {File}; keep it safe and give every instance the same file", file);
            }
            entries = File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
        }
        string? last = null;
        foreach (var entry in entries)
        {
            var parts = entry.Split(['=', ' ', '\t'], 2, StringSplitOptions.TrimEntries);
            if (parts is not [var id, var material] || id.Length == 0 || id.Contains(':'))
            {
                throw new InvalidOperationException("A field-encryption key must be written as 'id base64' (or id=base64).");
            }
            var key = Convert.FromBase64String(material);
            if (key.Length != 32)
            {
                throw new InvalidOperationException($"Field-encryption key {id} must be 32 bytes.");
            }
            keys[id] = key;
            last = id;
        }
        var active = last ?? throw new InvalidOperationException("No field-encryption key is configured.");
        if (data is not null)
        {
            KeyChecks.CheckFieldKeys(this, data, string.IsNullOrEmpty(configured) ? Path.GetFullPath(file) : "FieldEncryption:Keys");
        }
        return active;
    }

    public byte[] Key(string id) => Problem is not null ? throw Problem : keys.TryGetValue(id, out var key)
        ? key
        : throw new CryptographicException($"Field-encryption key {id} is not listed; it may have been removed too early.");
}
