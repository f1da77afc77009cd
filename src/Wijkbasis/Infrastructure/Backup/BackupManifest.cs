using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wijkbasis.Infrastructure.Backup;

/// <summary>What a data backup holds (manifest.json next to the data file, docs/decisions/0020): when, which
/// database, a checksum of the data file, the rows per table, the audit chain's head as a signed checkpoint, and the
/// fingerprints of the keys the data was made with. It names keys, it never holds them.</summary>
public sealed record BackupManifest
{
    public const string CurrentFormat = "wijkbasis-backup-v1";
    public const string FileName = "manifest.json";

    public string Format { get; init; } = CurrentFormat;
    public DateTime CreatedAt { get; init; }
    /// <summary>sqlite or postgres; a backup is restored into the same kind of database.</summary>
    public string Provider { get; init; } = "";
    /// <summary>The database it was made from (file, or database@host:port), for the person restoring.</summary>
    public string Database { get; init; } = "";
    public string DataFile { get; init; } = "";
    public string DataSha256 { get; init; } = "";
    public string? LastMigration { get; init; }
    public SortedDictionary<string, long> RowCounts { get; init; } = new(StringComparer.Ordinal);
    public List<KeyFingerprint> Keys { get; init; } = [];
    public long? AuditHeadSeq { get; init; }
    public string? AuditHeadHash { get; init; }
    /// <summary>The head as a checkpoint line signed with the chain key (Audit/AuditCheckpoint): the restored chain
    /// is checked against it, and it becomes the restored sealer's checkpoint.</summary>
    public string? AuditCheckpoint { get; init; }
    public long AuditUnsealed { get; init; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static BackupManifest Read(string folder)
    {
        var file = Path.Combine(folder, FileName);
        if (!File.Exists(file))
        {
            throw new BackupException($"{file} does not exist: this is not a Wijkbasis backup folder.");
        }
        var manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(file), Json)
                       ?? throw new BackupException($"{file} is empty.");
        return manifest.Format == CurrentFormat
            ? manifest
            : throw new BackupException($"{file} is a backup of format '{manifest.Format}', not {CurrentFormat}.");
    }

    internal static string Sha256Of(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

/// <summary>A key by name ("audit chain", "key-encryption", "field-encryption k1") and a fingerprint that tells
/// whether two keys are the same without giving anything away (an HMAC of a fixed text under the key).</summary>
public sealed record KeyFingerprint(string Key, string Fingerprint)
{
    public static string Of(byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, "wijkbasis backup key fingerprint"u8))[..16];
}

/// <summary>What the key backup holds (keys.json in the key folder): the fingerprints, and which key files were copied.</summary>
public sealed record KeyArchive
{
    public const string FileName = "keys.json";

    public DateTime CreatedAt { get; init; }
    public List<KeyFingerprint> Keys { get; init; } = [];
    /// <summary>Copied key files: the kind ("audit chain", "key-encryption", "field-encryption") and the file's name in the folder.</summary>
    public List<KeyArchiveFile> Files { get; init; } = [];
    /// <summary>Keys given as a setting (environment, secret store), not as a file: not copied, kept where they are.</summary>
    public List<string> Settings { get; init; } = [];

    public static KeyArchive Read(string folder)
    {
        var file = Path.Combine(folder, FileName);
        if (!File.Exists(file))
        {
            throw new BackupException($"{file} does not exist: this is not a Wijkbasis key backup folder.");
        }
        return JsonSerializer.Deserialize<KeyArchive>(File.ReadAllText(file), BackupManifest.Json)
               ?? throw new BackupException($"{file} is empty.");
    }
}

public sealed record KeyArchiveFile(string Kind, string Name);

/// <summary>A backup or restore that stops: the message says why and what to do.</summary>
public sealed class BackupException(string message) : Exception(message);
