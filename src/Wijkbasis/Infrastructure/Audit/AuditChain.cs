using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Infrastructure.Audit;

/// <summary>Makes the audit log tamper-evident. Rows are written cheaply, without a hash, in the
/// transaction of the change; a sealer later gives each unsealed row the next chain position and
/// hash = SHA-256(previous hash + the row's fields). Changing or removing a sealed row breaks every
/// hash after it, which <see cref="VerifyAsync"/> finds. One chain spans all enterprises.</summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public sealed record Verification(bool Intact, long RowsChecked, long Unsealed, long? BrokenAt, string? Reason);

    public static string HashOf(AuditEntry e, long seq, string prevHash)
    {
        var canonical = string.Join('\u001f',
            seq.ToString(CultureInfo.InvariantCulture), prevHash, e.Id.ToString(CultureInfo.InvariantCulture),
            e.TenantId.ToString("D"), e.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            e.UserId?.ToString("D") ?? "", e.UserName, e.Role, e.EntityType, e.EntityId, e.Action, e.Outcome,
            e.PersonId?.ToString("D") ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Seals up to <paramref name="batch"/> rows in the order they became visible. Returns how many.</summary>
    public static async Task<int> SealAsync(WijkbasisDb db, int batch = 2000, CancellationToken cancellationToken = default)
    {
        return await db.InTransactionAsync(async () =>
        {
            if (db.Database.IsNpgsql())
            {
                // One sealer at a time across app instances; SQLite serialises writers by itself.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7513)", cancellationToken);
            }
            var head = await TenantBypass.AuditChain(db).AsNoTracking().Where(a => a.ChainSeq != null)
                .OrderByDescending(a => a.ChainSeq).Select(a => new { a.ChainSeq, a.Hash }).FirstOrDefaultAsync(cancellationToken);
            var seq = head?.ChainSeq ?? 0;
            var prev = head?.Hash ?? Genesis;
            var rows = await TenantBypass.AuditChain(db).AsNoTracking().Where(a => a.ChainSeq == null)
                .OrderBy(a => a.Id).Take(batch).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                seq++;
                var hash = HashOf(row, seq, prev);
                var (s, p) = (seq, prev);
                // Bulk update on purpose: sealing changes no audited data, and must not itself be audited.
                await TenantBypass.AuditChain(db).Where(a => a.Id == row.Id && a.ChainSeq == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(a => a.ChainSeq, s).SetProperty(a => a.PrevHash, p).SetProperty(a => a.Hash, hash), cancellationToken);
                prev = hash;
            }
            return rows.Count;
        }, cancellationToken);
    }

    public static async Task<Verification> VerifyAsync(WijkbasisDb db, CancellationToken cancellationToken = default)
    {
        // Counted first: PostgreSQL runs one command per connection, and the rows below are streamed.
        var unsealed = await TenantBypass.AuditChain(db).CountAsync(a => a.ChainSeq == null, cancellationToken);
        var expectedSeq = 1L;
        var prev = Genesis;
        await foreach (var row in TenantBypass.AuditChain(db).AsNoTracking().Where(a => a.ChainSeq != null)
                           .OrderBy(a => a.ChainSeq).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var seq = row.ChainSeq!.Value;
            string? reason = seq != expectedSeq ? $"position {expectedSeq} is missing"
                : row.PrevHash != prev ? "the link to the previous row does not match"
                : row.Hash != HashOf(row, seq, prev) ? "de regel is na het verzegelen gewijzigd"
                : null;
            if (reason is not null)
            {
                return new Verification(false, expectedSeq - 1, unsealed, expectedSeq, reason);
            }
            prev = row.Hash!;
            expectedSeq++;
        }
        return new Verification(true, expectedSeq - 1, unsealed, null, null);
    }
}

public sealed class AuditSealerOptions
{
    /// <summary>Seconds between sealing rounds; 0 switches the background sealer off (tests seal by hand).</summary>
    public int SealIntervalSeconds { get; set; } = 10;
}

/// <summary>Seals new audit rows every few seconds in every app instance (the advisory lock lets one
/// instance at a time do the work).</summary>
public sealed class AuditSealer(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<AuditSealerOptions> options,
    ILogger<AuditSealer> log, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SealIntervalSeconds;
        if (interval <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(interval), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
                int sealedRows;
                do
                {
                    sealedRows = await AuditChain.SealAsync(db, cancellationToken: stoppingToken);
                    db.ChangeTracker.Clear();
                }
                while (sealedRows > 0 && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Sealing the audit chain failed; the next round tries again");
            }
        }
    }
}
