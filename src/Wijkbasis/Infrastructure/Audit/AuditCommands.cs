using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Infrastructure.Audit;

/// <summary>Commands for the administrator (docs/decisions/0018), run instead of the web app:
/// <c>Wijkbasis audit-checkpoint export FILE</c> checks the chain and writes its head as a signed checkpoint to FILE (a
/// place the database administrator cannot write: a write-once share, removable media); <c>Wijkbasis audit-checkpoint
/// verify [FILE]</c> checks the chain against that exported checkpoint (default: the sealer's own file). Exit code 0
/// when the chain is in order, 1 when not.</summary>
public static class AuditCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args is not ["audit-checkpoint", var verb, ..])
        {
            return false;
        }
        var file = args.Length > 2 ? args[2] : null;
        (bool Ok, string Text) result = verb switch
        {
            "export" when file is not null => await ExportAsync(app.Services, file, CancellationToken.None),
            "verify" => await VerifyAsync(app.Services, file, CancellationToken.None),
            _ => (false, "usage: audit-checkpoint export FILE | audit-checkpoint verify [FILE]"),
        };
        await Console.Out.WriteLineAsync(result.Text);
        Environment.ExitCode = result.Ok ? 0 : 1;
        return true;
    }

    /// <summary>Checks the chain (against the sealer's checkpoint) and, when it is in order, writes its head as a new
    /// checkpoint file (never over an existing file).</summary>
    public static async Task<(bool Ok, string Text)> ExportAsync(IServiceProvider services, string file, CancellationToken cancellationToken)
    {
        var (verification, key) = await CheckAsync(services, services.GetRequiredService<AuditCheckpoints>(), null, cancellationToken);
        if (!verification.Intact)
        {
            return (false, $"The audit chain is not in order ({verification.Reason}); no checkpoint written.");
        }
        var line = new AuditCheckpoint(verification.HeadSeq, verification.HeadHash, services.GetRequiredService<TimeProvider>().UtcNow()).ToLine(key);
        Secrets.SecretKey.CreateOwnerOnly(file, line + "\n");
        return (true, line);
    }

    /// <summary>Checks the chain against an exported checkpoint (or the sealer's file when none is given).</summary>
    public static async Task<(bool Ok, string Text)> VerifyAsync(IServiceProvider services, string? file, CancellationToken cancellationToken)
    {
        var key = services.GetRequiredService<AuditChainKey>().Key;
        AuditCheckpoint? given = null;
        if (file is not null)
        {
            try
            {
                given = AuditCheckpoint.Parse(await File.ReadAllTextAsync(file, cancellationToken), key);
            }
            catch (InvalidDataException e)
            {
                return (false, $"{file}: {e.Message}");
            }
        }
        var (v, _) = await CheckAsync(services, services.GetRequiredService<AuditCheckpoints>(), given, cancellationToken);
        return v.Intact
            ? (true, $"The audit chain is in order: {v.RowsChecked} rows checked, {v.Unsealed} not sealed yet; head {v.HeadSeq} {v.HeadHash}.")
            : (false, $"The audit chain is NOT in order at {v.BrokenAt?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}: {v.Reason}");
    }

    private static async Task<(AuditChain.Verification, byte[] Key)> CheckAsync(IServiceProvider services, AuditCheckpoints checkpoints,
        AuditCheckpoint? given, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
        var key = services.GetRequiredService<AuditChainKey>().Key;
        var now = services.GetRequiredService<TimeProvider>().UtcNow();
        var limit = services.GetRequiredService<IOptions<AuditOptions>>().Value.LateRowLimit;
        var verification = given is null
            ? await AuditChain.VerifyAsync(db, key, now, limit, checkpoints, cancellationToken)
            : await AuditChain.VerifyAsync(db, key, now, limit, given, cancellationToken);
        return (verification, key);
    }
}
