using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Infrastructure.Audit;

/// <summary>Makes the audit log tamper-evident. Rows are written cheaply, without a seal, in the
/// transaction of the change; a sealer later gives each row the next chain position and
/// Hash = HMAC(key, previous hash + the row's fields), with a key kept outside the database. The database
/// refuses updates and deletes of audit rows (triggers, see the migrations); someone who gets past that
/// still cannot recompute the chain without the key, and <see cref="VerifyAsync"/> finds the break.
/// Against a cut-off or re-sealed tail the head is kept outside the database too: <see cref="AuditCheckpoint"/>
/// (docs/decisions/0018).</summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public const int Batch = 500;

    public sealed record Verification(bool Intact, long RowsChecked, long Unsealed, long? BrokenAt, string? Reason,
        long HeadSeq, string HeadHash);

    public static string HashOf(byte[] key, AuditEntry e, long seq, string prevHash)
    {
        // Length-prefixed fields: no value can pass for the boundary between two others.
        var sb = new StringBuilder();
        foreach (var field in new[]
                 {
                     seq.ToString(CultureInfo.InvariantCulture), prevHash, e.Id.ToString(CultureInfo.InvariantCulture),
                     e.TenantId.ToString("D"), e.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
                     e.UserId?.ToString("D") ?? "", e.UserName, e.Role, e.EntityType, e.EntityId, e.Action, e.Outcome,
                     e.PersonId?.ToString("D") ?? "",
                 })
        {
            sb.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
        }
        // A list row (docs/decisions/0018) also seals the records and people it names. Rows without them hash as before,
        // so the rows sealed before these columns existed still verify.
        if (e.EntityIds is not null || e.PersonIds is not null)
        {
            foreach (var field in new[]
                     {
                         "list", string.Join(",", e.EntityIds ?? []), string.Join(",", (e.PersonIds ?? []).Select(p => p.ToString("D"))),
                     })
            {
                sb.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
            }
        }
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>Seals up to <paramref name="batch"/> rows, in the order they became visible. A row that
    /// is behind the head of the chain (it committed late) is only sealed while it is young: an old
    /// unsealed row there is a sign of tampering and is left for the verifier to report.</summary>
    /// <remarks>With <paramref name="checkpoints"/> (the running sealer) it first compares the chain with the last
    /// checkpoint and throws <see cref="AuditChainTamperedException"/>, sealing nothing, when the head is behind it or
    /// the row at the checkpoint's position has another hash: it never seals a position it has sealed before. After
    /// sealing it moves the checkpoint to the new head.</remarks>
    public static async Task<int> SealAsync(WijkbasisDb db, byte[] key, DateTime now, TimeSpan lateRowLimit,
        int batch = Batch, AuditCheckpoints? checkpoints = null, CancellationToken cancellationToken = default)
    {
        var checkpoint = checkpoints?.Read();
        var (count, newHead) = await SealBatchAsync(db, key, now, lateRowLimit, batch, checkpoint, cancellationToken);
        if (checkpoints is not null && newHead is not null)
        {
            checkpoints.Advance(newHead);
        }
        return count;
    }

    private static async Task<(int Count, AuditCheckpoint? NewHead)> SealBatchAsync(WijkbasisDb db, byte[] key, DateTime now,
        TimeSpan lateRowLimit, int batch, AuditCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        await using var writer = await SqliteWriteGate.HoldAsync(db, cancellationToken);
        return await db.InTransactionAsync(async () =>
        {
            if (db.Database.IsNpgsql())
            {
                // One sealer at a time across app instances; SQLite serialises writers by itself.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7513)", cancellationToken);
            }
            var head = await TenantBypass.AuditChain(db).AsNoTracking().Where(a => a.ChainSeq != null)
                .OrderByDescending(a => a.ChainSeq).Select(a => new { a.Id, a.ChainSeq, a.Hash }).FirstOrDefaultAsync(cancellationToken);
            if (checkpoint is not null)
            {
                if ((head?.ChainSeq ?? 0) < checkpoint.Seq)
                {
                    throw new AuditChainTamperedException(
                        $"The audit chain ends at {head?.ChainSeq ?? 0}, before checkpoint {checkpoint.Seq}: rows were cut off or un-sealed. Not sealing.");
                }
                var atCheckpoint = await TenantBypass.AuditChain(db).AsNoTracking().Where(a => a.ChainSeq == checkpoint.Seq)
                    .Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken);
                if (atCheckpoint != checkpoint.Hash)
                {
                    throw new AuditChainTamperedException(
                        $"Audit row {checkpoint.Seq} does not have the hash of the checkpoint: the chain was rewritten. Not sealing.");
                }
            }
            var headId = head?.Id ?? 0;
            var youngest = now - lateRowLimit;
            // Served by the partial index on unsealed rows: only those are read, however long the log is.
            var rows = await TenantBypass.AuditChain(db).AsNoTracking()
                .Where(a => a.ChainSeq == null && (a.Id > headId || a.At >= youngest))
                .OrderBy(a => a.Id).Take(batch).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return (0, (AuditCheckpoint?)null);
            }
            var seq = head?.ChainSeq ?? 0;
            var prev = head?.Hash ?? Genesis;
            var values = new StringBuilder();
            var parameters = new List<object>(rows.Count * 4);
            foreach (var row in rows)
            {
                seq++;
                var hash = HashOf(key, row, seq, prev);
                var n = parameters.Count;
                values.Append(values.Length == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{n}}}, {{{n + 1}}}, {{{n + 2}}}, {{{n + 3}}})");
                parameters.AddRange([row.Id, seq, prev, hash]);
                prev = hash;
            }
            // One statement per batch (both providers name VALUES columns column1..n).
            var sql = "UPDATE \"AuditEntries\" SET \"ChainSeq\" = v.column2, \"PrevHash\" = v.column3, \"Hash\" = v.column4 " +
                      $"FROM (VALUES {values}) AS v WHERE \"AuditEntries\".\"Id\" = v.column1 AND \"AuditEntries\".\"ChainSeq\" IS NULL";
            var updated = await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
            if (updated != rows.Count)
            {
                throw new InvalidOperationException($"Sealed {updated} of {rows.Count} audit rows; rolled back.");
            }
            return (rows.Count, new AuditCheckpoint(seq, prev, now));
        }, cancellationToken);
    }

    /// <summary>Recomputes the chain. Reasons are shown to the administrator, in Dutch.</summary>
    /// <remarks>With a <paramref name="checkpoint"/> (the sealer's file, or an exported copy) it also finds a tail
    /// that was cut off (the chain ends before the checkpoint) or rewritten (the row at the checkpoint's position has
    /// another hash).</remarks>
    public static async Task<Verification> VerifyAsync(WijkbasisDb db, byte[] key, DateTime now, TimeSpan lateRowLimit,
        CancellationToken cancellationToken = default) => await VerifyAsync(db, key, now, lateRowLimit, (AuditCheckpoint?)null, cancellationToken);

    /// <summary>Checks against the sealer's checkpoint file as well; a file that is not a checkpoint signed with the
    /// chain key is reported, never taken as "no checkpoint".</summary>
    public static async Task<Verification> VerifyAsync(WijkbasisDb db, byte[] key, DateTime now, TimeSpan lateRowLimit,
        AuditCheckpoints checkpoints, CancellationToken cancellationToken = default)
    {
        AuditCheckpoint? checkpoint;
        try
        {
            checkpoint = checkpoints.Read();
        }
        catch (InvalidDataException)
        {
            var unsealed = await TenantBypass.AuditChain(db).CountAsync(a => a.ChainSeq == null, cancellationToken);
            return new Verification(false, 0, unsealed, null, "het controlepunt van de verzegelaar is gewijzigd of met een andere sleutel gemaakt", 0, Genesis);
        }
        return await VerifyAsync(db, key, now, lateRowLimit, checkpoint, cancellationToken);
    }

    public static async Task<Verification> VerifyAsync(WijkbasisDb db, byte[] key, DateTime now, TimeSpan lateRowLimit,
        AuditCheckpoint? checkpoint, CancellationToken cancellationToken = default)
    {
        // Counted first: PostgreSQL runs one command per connection, and the rows below are streamed.
        var unsealed = await TenantBypass.AuditChain(db).CountAsync(a => a.ChainSeq == null, cancellationToken);
        var oldest = now - lateRowLimit;
        var overdue = await TenantBypass.AuditChain(db).Where(a => a.ChainSeq == null && a.At < oldest)
            .OrderBy(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken);
        var expectedSeq = 1L;
        var prev = Genesis;
        await foreach (var row in TenantBypass.AuditChain(db).AsNoTracking().Where(a => a.ChainSeq != null)
                           .OrderBy(a => a.ChainSeq).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var seq = row.ChainSeq!.Value;
            string? reason = seq != expectedSeq ? $"regel {expectedSeq} ontbreekt"
                : row.PrevHash != prev ? "de koppeling met de vorige regel klopt niet"
                : row.Hash != HashOf(key, row, seq, prev) ? "de regel is na het verzegelen gewijzigd"
                : null;
            if (reason is not null)
            {
                return new Verification(false, expectedSeq - 1, unsealed, expectedSeq, reason, expectedSeq - 1, prev);
            }
            if (checkpoint is not null && seq == checkpoint.Seq && row.Hash != checkpoint.Hash)
            {
                return new Verification(false, expectedSeq - 1, unsealed, seq,
                    $"regel {seq} is anders dan bij het controlepunt van {checkpoint.At:yyyy-MM-dd HH:mm} UTC: de keten is herschreven", expectedSeq - 1, prev);
            }
            prev = row.Hash!;
            expectedSeq++;
        }
        if (checkpoint is not null && expectedSeq - 1 < checkpoint.Seq)
        {
            return new Verification(false, expectedSeq - 1, unsealed, expectedSeq,
                $"de keten houdt op bij regel {expectedSeq - 1}, maar het controlepunt van {checkpoint.At:yyyy-MM-dd HH:mm} UTC kent regel {checkpoint.Seq}: de nieuwste regels zijn weggehaald of van hun zegel ontdaan",
                expectedSeq - 1, prev);
        }
        if (overdue is { } id)
        {
            return new Verification(false, expectedSeq - 1, unsealed, null,
                $"auditregel {id} is niet op tijd verzegeld (verzegeling weggehaald, of de verzegelaar draait niet)", expectedSeq - 1, prev);
        }
        return new Verification(true, expectedSeq - 1, unsealed, null, null, expectedSeq - 1, prev);
    }
}

public sealed class AuditOptions
{
    /// <summary>Seconds between sealing rounds; 0 switches the background sealer off (tests seal by hand).</summary>
    public int SealIntervalSeconds { get; set; } = 10;
    /// <summary>The chain key, base64 (32 bytes or more). Several app instances must share it.</summary>
    public string? ChainKey { get; set; }
    /// <summary>Where the key is kept when <see cref="ChainKey"/> is not set; made on first use.</summary>
    public string ChainKeyFile { get; set; } = "data/audit-chain.key";
    /// <summary>The sealer's checkpoint (docs/decisions/0018); default: audit-chain.checkpoint next to the key file.</summary>
    public string? CheckpointFile { get; set; }

    /// <summary>How long a row may wait for its seal before the verifier calls it tampering.</summary>
    public TimeSpan LateRowLimit => TimeSpan.FromSeconds(Math.Max(120, SealIntervalSeconds * 6));
}

/// <summary>The chain key, from configuration or a key file outside the database.
/// Made only while the database holds no sealed row; otherwise a missing or other key stops the app (docs/decisions/0018).</summary>
public sealed class AuditChainKey
{
    public AuditChainKey(IOptions<AuditOptions> options, ILogger<AuditChainKey> log, Secrets.ProtectedData data)
    {
        var where = string.IsNullOrEmpty(options.Value.ChainKey) ? Path.GetFullPath(options.Value.ChainKeyFile) : "Audit:ChainKey";
        try
        {
            key = Secrets.SecretKey.Load(options.Value.ChainKey, options.Value.ChainKeyFile, "audit chain", log, data.HasSealedAuditRows);
            Secrets.KeyChecks.CheckAuditKey(key, data, where);
        }
        catch (Secrets.KeyProblemException e)
        {
            // Kept, not thrown: the app starts and serves the maintenance page that names the key (Secrets/KeyGuard).
            Problem = e;
        }
    }

    private readonly byte[]? key;

    /// <summary>Set when the key is missing or not the one the chain was sealed with.</summary>
    public Secrets.KeyProblemException? Problem { get; }

    public byte[] Key => Problem is null ? key! : throw Problem;
}

/// <summary>Seals new audit rows every few seconds in every app instance (the advisory lock lets one
/// instance at a time do the work) and logs the head, so an outside copy of it exists.</summary>
public sealed class AuditSealer(IServiceScopeFactory scopes, IOptions<AuditOptions> options, IServiceProvider services,
    ILogger<AuditSealer> log, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SealIntervalSeconds;
        if (interval <= 0)
        {
            return;
        }
        // Resolved here, not in the constructor: a key problem must not keep the app from starting its maintenance page.
        var key = services.GetRequiredService<AuditChainKey>();
        if (key.Problem is not null)
        {
            return;
        }
        var checkpoints = services.GetRequiredService<AuditCheckpoints>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(interval), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
                var total = 0;
                int sealedRows;
                do
                {
                    sealedRows = await AuditChain.SealAsync(db, key.Key, time.UtcNow(), options.Value.LateRowLimit,
                        checkpoints: checkpoints, cancellationToken: stoppingToken);
                    total += sealedRows;
                }
                // Another batch right away only when this one was full; otherwise wait for the next round, so a
                // steady stream of new rows does not keep the sealer running back to back.
                while (sealedRows == AuditChain.Batch && !stoppingToken.IsCancellationRequested);
                if (total > 0)
                {
                    var head = await TenantBypass.AuditChain(db).Where(a => a.ChainSeq != null).OrderByDescending(a => a.ChainSeq)
                        .Select(a => new { a.ChainSeq, a.Hash }).FirstAsync(stoppingToken);
                    log.LogInformation("Audit chain sealed {Count} rows; head {Seq} {Hash}", total, head.ChainSeq, head.Hash);
                }
            }
            catch (AuditChainTamperedException e)
            {
                log.LogCritical("Audit chain: {Problem} Checkpoint file {File}. Run the check (/beheer/auditketen) and tell the privacy officer", e.Message, checkpoints.File);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Sealing the audit chain failed; the next round tries again");
            }
        }
    }
}
