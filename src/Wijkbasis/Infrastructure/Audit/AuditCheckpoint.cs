using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Wijkbasis.Infrastructure.Audit;

/// <summary>The head of the audit chain as the sealer last saw it: position and hash, signed with the chain key
/// (HMAC), kept OUTSIDE the database (docs/decisions/0018). The sealer never seals a position at or below it again,
/// and the check compares the chain with it, so a tail that was cut off, or un-sealed and edited to be sealed again,
/// is found. One line of text, so it can be copied anywhere (a write-once store, a mail to the privacy officer).</summary>
public sealed record AuditCheckpoint(long Seq, string Hash, DateTime At)
{
    private const string Tag = "wijkbasis-audit-checkpoint-v1";

    public string ToLine(byte[] key) => $"{Tag} {Seq.ToString(CultureInfo.InvariantCulture)} {Hash} {Stamp(At)} {Mac(key, Seq, Hash, At)}";

    /// <summary>Reads a checkpoint line; throws <see cref="InvalidDataException"/> when it is not one, or when its
    /// signature does not match this key (changed by hand, or made with another key).</summary>
    public static AuditCheckpoint Parse(string text, byte[] key)
    {
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not [Tag, var seqText, var hash, var atText, var mac]
            || !long.TryParse(seqText, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            || !DateTime.TryParseExact(atText, "yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            throw new InvalidDataException("This is not an audit chain checkpoint.");
        }
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(mac), Encoding.ASCII.GetBytes(Mac(key, seq, hash, at))))
        {
            throw new InvalidDataException("The audit chain checkpoint is not signed with this chain key.");
        }
        return new AuditCheckpoint(seq, hash, at);
    }

    private static string Stamp(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);

    private static string Mac(byte[] key, long seq, string hash, DateTime at) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Tag}|{seq.ToString(CultureInfo.InvariantCulture)}|{hash}|{Stamp(at)}")));
}

/// <summary>The sealer found the chain behind or beside its checkpoint: it does not seal (docs/decisions/0018).</summary>
public sealed class AuditChainTamperedException(string message) : InvalidOperationException(message);

/// <summary>The checkpoint file (<c>Audit:CheckpointFile</c>, default next to the chain key file). Written only forward,
/// atomically, readable by the app's user only from its first byte.</summary>
public sealed class AuditCheckpoints(IOptions<AuditOptions> options, AuditChainKey key, ILogger<AuditCheckpoints> log)
{
    private readonly Lock gate = new();

    public string File => options.Value.CheckpointFile
                          ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.Value.ChainKeyFile)) ?? ".", "audit-chain.checkpoint");

    /// <summary>The last checkpoint, or null when none was written yet (a new installation). A file that is not a
    /// checkpoint signed with the chain key is an error, never "no checkpoint".</summary>
    public AuditCheckpoint? Read()
    {
        lock (gate)
        {
            return System.IO.File.Exists(File) ? AuditCheckpoint.Parse(System.IO.File.ReadAllText(File), key.Key) : null;
        }
    }

    /// <summary>Moves the checkpoint forward to <paramref name="head"/> (never back).</summary>
    public void Advance(AuditCheckpoint head)
    {
        lock (gate)
        {
            var current = Read();
            if (current is not null && current.Seq >= head.Seq)
            {
                return;
            }
            WriteOwnerOnly(File, head.ToLine(key.Key) + "\n");
            log.LogInformation("Audit chain checkpoint {Seq} {Hash}", head.Seq, head.Hash);
        }
    }

    /// <summary>Writes a file readable and writable by the app's user only, created with that mode (never widened
    /// first and narrowed after), replacing any earlier file atomically.</summary>
    internal static void WriteOwnerOnly(string file, string text)
    {
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(temp, Encoding.ASCII, fileOptions))
        {
            writer.Write(text);
        }
        System.IO.File.Move(temp, full, overwrite: true);
    }
}
