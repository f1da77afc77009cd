using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Wijkbasis.Infrastructure.Secrets;

namespace Wijkbasis.Infrastructure.Backup;

/// <summary>The keys outside the database as this installation configures them (the same settings the app reads:
/// Audit:ChainKey(File), DataProtection:KeyEncryptionKey(File), FieldEncryption:Keys / KeyFile). Read only: unlike the
/// app's loaders these never make a key, a missing one is an error that names it.</summary>
internal sealed class BackupKeys(IConfiguration configuration)
{
    /// <summary>A kind of key: its setting and, when that is empty, its file.</summary>
    internal sealed record Source(string Kind, string Setting, string FileSetting, string DefaultFile, string ArchiveName)
    {
        public string? Configured(IConfiguration c) => c[Setting] is { Length: > 0 } value ? value : null;
        public string File(IConfiguration c) => Path.GetFullPath(c[FileSetting] ?? DefaultFile);
    }

    internal static readonly Source Chain = new("audit chain", "Audit:ChainKey", "Audit:ChainKeyFile", "data/audit-chain.key", "audit-chain.key");
    internal static readonly Source KeyEncryption = new("key-encryption", "DataProtection:KeyEncryptionKey", "DataProtection:KeyEncryptionKeyFile",
        "data/key-encryption.key", "key-encryption.key");
    internal static readonly Source Field = new("field-encryption", "FieldEncryption:Keys", "FieldEncryption:KeyFile",
        "data/field-encryption.keys", "field-encryption.keys");

    internal static readonly Source[] All = [Chain, KeyEncryption, Field];

    public string? Configured(Source source) => source.Configured(configuration);

    public string File(Source source) => source.File(configuration);

    /// <summary>Where a key is kept, as the person restoring needs to read it.</summary>
    public string Place(Source source) => Configured(source) is null ? File(source) : $"setting {source.Setting}";

    /// <summary>The sealer's checkpoint file (as Audit/AuditCheckpoints finds it: Audit:CheckpointFile, else next to
    /// the chain key file).</summary>
    public string CheckpointFile => configuration["Audit:CheckpointFile"] is { Length: > 0 } file
        ? Path.GetFullPath(file)
        : Path.Combine(Path.GetDirectoryName(File(Chain)) ?? ".", "audit-chain.checkpoint");

    public byte[] ChainKey() => Load(Chain);

    /// <summary>The key-encryption key as the app uses it (HKDF of the configured secret, see DataProtectionKeys.cs).</summary>
    public byte[] KeyEncryptionKey() =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Load(KeyEncryption), 32, info: "wijkbasis data-protection keys"u8.ToArray());

    public FieldKeyRing FieldKeys()
    {
        if (Configured(Field) is null && !System.IO.File.Exists(File(Field)))
        {
            throw Missing(Field);
        }
        return new FieldKeyRing(configuration, NullLogger<FieldKeyRing>.Instance);
    }

    /// <summary>The fingerprints of every key present; throws <see cref="BackupException"/> naming a missing key.</summary>
    public List<KeyFingerprint> Fingerprints()
    {
        var ring = FieldKeys();
        return
        [
            new(Chain.Kind, KeyFingerprint.Of(ChainKey())),
            new(KeyEncryption.Kind, KeyFingerprint.Of(KeyEncryptionKey())),
            .. ring.Ids.Order(StringComparer.Ordinal).Select(id => new KeyFingerprint($"{Field.Kind} {id}", KeyFingerprint.Of(ring.Key(id)))),
        ];
    }

    private byte[] Load(Source source)
    {
        try
        {
            return SecretKey.Load(Configured(source), File(source), source.Kind, NullLogger.Instance, () => true);
        }
        catch (KeyProblemException)
        {
            throw Missing(source);
        }
    }

    private BackupException Missing(Source source) =>
        new($"The {source.Kind} key is missing: {File(source)} does not exist and {source.Setting} is not set. " +
            "Put the key back from the key backup (restore --keys KEY_FOLDER) before anything else.");
}
