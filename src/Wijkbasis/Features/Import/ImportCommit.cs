using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.People;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Import;

/// <summary>How far a running commit is, in this process (the commit holds its transaction open, so its progress is
/// not written to the database; another copy of the app shows "bezig" without the figures).</summary>
public sealed record ImportStage(string Phase, int Done, int Total);

/// <summary>Commits an import: plans it again inside one transaction and writes all of it, or nothing when a row has a
/// problem now (the register may have changed since the dry run). One audit row says what was imported, from which
/// file, how many rows, by whom, and names every person the import added, merged or checked in.</summary>
public sealed class ImportCommitter(WijkbasisDb db, ImportPlanner planner, TenantContext tenant, TimeProvider time)
{
    public const string AuditAction = "import";

    /// <summary>Commits the import claimed with <paramref name="claim"/>. Returns false, writing nothing, when the claim is
    /// no longer this one (it ran out and another run took the import over).</summary>
    public async Task<bool> RunAsync(Guid jobId, Guid claim, Action<ImportStage>? progress, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
        if (job.Status != ImportStatus.Running || job.ClaimId != claim || job.Content is null)
        {
            return false;
        }
        var (sheet, unreadable) = ImportSheet.Read(job.Content, job.IsXlsx);
        var choices = ChoicesOf(job.Choices);
        var now = time.UtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var plan = sheet is null ? null : await planner.PlanAsync(job.Kind, sheet, ColumnMapping.FromJson(job.Mapping),
            done => progress?.Invoke(new ImportStage("Controleren", done, sheet.Rows.Count)), cancellationToken);
        if (plan is null || plan.Problems.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            await db.ImportJobs.Where(j => j.Id == jobId && j.ClaimId == claim).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportStatus.Open)
                .SetProperty(j => j.Problem, unreadable?.ToString() ?? "Het register is veranderd sinds de controle: er zijn nu problemen. Er is niets opgeslagen."),
                cancellationToken);
            return true;
        }
        var people = new List<Guid>();
        int added = 0, merged = 0;
        var skipped = plan.Count(RowAction.Skip);
        switch (job.Kind)
        {
            case ImportKind.People:
                var toMerge = new Dictionary<Guid, Person>();
                foreach (var (row, person, duplicateOf) in plan.People)
                {
                    var choice = duplicateOf is null ? DuplicateChoice.New : choices.GetValueOrDefault(row, DuplicateChoice.Skip);
                    if (choice == DuplicateChoice.Skip)
                    {
                        skipped++;
                    }
                    else if (choice == DuplicateChoice.Merge)
                    {
                        toMerge[duplicateOf!.Value] = person;
                    }
                    else
                    {
                        // As the register's own form: no consent the file does not state (docs/decisions/0030).
                        person.CreatedAt = person.UpdatedAt = now;
                        person.CreatedByUserId = job.ByUserId;
                        db.People.Add(person);
                        people.Add(person.Id);
                        added++;
                    }
                }
                foreach (var existing in await db.People.Where(p => toMerge.Keys.Contains(p.Id)).ToListAsync(cancellationToken))
                {
                    var from = toMerge[existing.Id];
                    existing.Phone ??= from.Phone;
                    existing.Email ??= from.Email;
                    existing.Languages ??= from.Languages;
                    existing.Postcode ??= from.Postcode;
                    existing.BuurtCode ??= from.BuurtCode;
                    existing.BirthYear ??= from.BirthYear;
                    existing.UpdatedAt = now;
                    existing.Version++;
                    people.Add(existing.Id);
                    merged++;
                }
                break;
            case ImportKind.Sessions:
                db.Locations.AddRange(plan.NewLocations);
                db.Activities.AddRange(plan.NewActivities);
                db.Sessions.AddRange(plan.NewSessions);
                added = plan.NewSessions.Count;
                break;
            default:
                var by = "import: " + job.ByName;
                by = by.Length <= 100 ? by : by[..100];
                var total = plan.CheckIns.Count + plan.HeadCounts.Count;
                progress?.Invoke(new ImportStage("Opslaan", 0, total));
                added += await ImportBulk.InsertAsync(db, plan.CheckIns.Select(c => new CheckIn
                {
                    TenantId = tenant.TenantId, SessionId = c.SessionId, PersonId = c.PersonId, At = now, ByName = by,
                }).ToList(), done => progress?.Invoke(new ImportStage("Opslaan", done, total)), cancellationToken);
                added += await ImportBulk.InsertAsync(db, plan.HeadCounts.Select(h => new HeadCount
                {
                    TenantId = tenant.TenantId, SessionId = h.SessionId, Children = h.Children, Teens = h.Teens, Adults = h.Adults,
                    Seniors = h.Seniors, At = now, ByName = by,
                }).ToList(), done => progress?.Invoke(new ImportStage("Opslaan", plan.CheckIns.Count + done, total)), cancellationToken);
                skipped += plan.CheckIns.Count + plan.HeadCounts.Count - added;
                people.AddRange(plan.CheckIns.Select(c => c.PersonId).Distinct());
                break;
        }
        var audit = AuditLog.Row(tenant, now, "Import", job.Id.ToString(), AuditAction, null);
        audit.EntityIds = [$"kind:{job.Kind}", $"file:{job.FileName}", $"rows:{sheet!.Rows.Count}", $"added:{added}", $"merged:{merged}", $"skipped:{skipped}"];
        var distinct = people.Distinct().Order().ToArray();
        audit.PersonIds = distinct.Length == 0 ? null : distinct;
        audit.PersonId = distinct.Length == 1 ? distinct[0] : null;
        db.AuditEntries.Add(audit);
        await db.SaveChangesAsync(cancellationToken);
        // The import is marked done in the same transaction, and only while the claim is still ours: a run whose claim
        // ran out (and was taken over) rolls back everything it wrote, so an import is committed once.
        var rows = sheet.Rows.Count;
        if (await db.ImportJobs.Where(j => j.Id == jobId && j.ClaimId == claim && j.Status == ImportStatus.Running).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportStatus.Committed).SetProperty(j => j.Content, (byte[]?)null).SetProperty(j => j.Problem, (string?)null)
                .SetProperty(j => j.Rows, rows).SetProperty(j => j.Added, added).SetProperty(j => j.Merged, merged)
                .SetProperty(j => j.Skipped, skipped).SetProperty(j => j.FinishedAt, now), cancellationToken) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return false;
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public static Dictionary<int, DuplicateChoice> ChoicesOf(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<int, DuplicateChoice>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

/// <summary>The commits waiting to run in this process, and where each running one is. A page queues the job in the
/// database first (<see cref="ImportStatus.Queued"/>), so a restart finds it again.</summary>
public sealed class ImportQueue
{
    private readonly Channel<(Guid TenantId, Guid JobId)> queue = Channel.CreateUnbounded<(Guid, Guid)>();
    private readonly ConcurrentDictionary<Guid, ImportStage> stages = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> done = new();

    public void Enqueue(Guid tenantId, Guid jobId)
    {
        // A job queued again (after a commit that found problems) gets a new signal.
        done.AddOrUpdate(jobId, _ => New(), (_, old) => old.Task.IsCompleted ? New() : old);
        queue.Writer.TryWrite((tenantId, jobId));
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal ChannelReader<(Guid TenantId, Guid JobId)> Reader => queue.Reader;

    public ImportStage? StageOf(Guid jobId) => stages.GetValueOrDefault(jobId);

    internal void Report(Guid jobId, ImportStage stage) => stages[jobId] = stage;

    internal void Finish(Guid jobId)
    {
        stages.TryRemove(jobId, out _);
        // Kept, completed: a waiter that comes after the finish still returns at once.
        done.GetOrAdd(jobId, _ => New()).TrySetResult();
    }

    /// <summary>Completes when this process has finished the job (tests wait on it instead of polling).</summary>
    public Task WhenDoneAsync(Guid jobId) => done.GetOrAdd(jobId, _ => New()).Task;
}

/// <summary>Runs queued commits in the background, one at a time, each as its enterprise and in the name of the user who
/// asked for it. A job is claimed by one conditional update (queued → running, with a claim of its own that holds for
/// <see cref="ClaimHolds"/>), so two copies of the app never commit it twice, and neither does a repeated request. At
/// start and then every minute it picks up what waits: imports queued, and imports left running by a process that
/// stopped (their claim ran out). The commit is one transaction, so such an import had written nothing; it is simply
/// run again, and counts only while its claim is still the one that committed (docs/decisions/0030).</summary>
public sealed class ImportWork(IServiceScopeFactory scopes, ImportQueue queue, TimeProvider time, ILogger<ImportWork> log) : BackgroundService
{
    /// <summary>Well above the longest commit (250,000 rows take well under a minute); a commit that outlives it may be
    /// taken over, and then its own transaction rolls back.</summary>
    public static readonly TimeSpan ClaimHolds = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LookEvery = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await PickUpAsync(stoppingToken);
            var looking = LookAgainAsync(stoppingToken);
            await foreach (var (tenantId, jobId) in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await RunOneAsync(tenantId, jobId, stoppingToken);
            }
            await looking;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task LookAgainAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(LookEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await PickUpAsync(stoppingToken);
        }
    }

    /// <summary>Queues the imports that wait: queued ones, and running ones whose claim ran out.</summary>
    private async Task PickUpAsync(CancellationToken stoppingToken)
    {
        try
        {
            var now = time.UtcNow();
            await scopes.ForEachEnterpriseAsync<ImportWork>("import", async (services, enterprise, ct) =>
            {
                var db = services.GetRequiredService<WijkbasisDb>();
                foreach (var id in await db.ImportJobs.Where(j => j.Status == ImportStatus.Queued || (j.Status == ImportStatus.Running && j.ClaimedUntil < now))
                             .Select(j => j.Id).ToListAsync(ct))
                {
                    queue.Enqueue(enterprise.Id, id);
                }
            }, stoppingToken);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            // A database that is not there yet (a restore, migrations off) must not stop the app: new imports still run.
            log.LogWarning(e, "Import: the imports waiting from an earlier run could not be read");
        }
    }

    private async Task RunOneAsync(Guid tenantId, Guid jobId, CancellationToken stoppingToken)
    {
        var claim = Guid.NewGuid();
        try
        {
            await using var scope = await scopes.AsTenantAsync(tenantId, [Roles.Coordinator], "import", stoppingToken);
            var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
            var who = await db.ImportJobs.Where(j => j.Id == jobId).Select(j => new { j.ByUserId, j.ByName }).SingleOrDefaultAsync(stoppingToken);
            var now = time.UtcNow();
            var until = now + ClaimHolds;
            if (who is null || await db.ImportJobs
                    .Where(j => j.Id == jobId && (j.Status == ImportStatus.Queued || (j.Status == ImportStatus.Running && j.ClaimedUntil < now)))
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Running).SetProperty(j => j.ClaimId, claim)
                        .SetProperty(j => j.ClaimedUntil, until), stoppingToken) != 1)
            {
                return;
            }
            scope.ServiceProvider.GetRequiredService<TenantContext>().SetActor(who.ByUserId, who.ByName);
            if (!await scope.ServiceProvider.GetRequiredService<ImportCommitter>().RunAsync(jobId, claim, stage => queue.Report(jobId, stage), stoppingToken))
            {
                log.LogWarning("Import {Job}: the claim ran out and another run took it over; this run wrote nothing", jobId);
            }
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            log.LogError(e, "Import {Job} failed", jobId);
            await using var scope = await scopes.AsTenantAsync(tenantId, [Roles.Coordinator], "import", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<WijkbasisDb>().ImportJobs.Where(j => j.Id == jobId && j.ClaimId == claim)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Open)
                    .SetProperty(j => j.Problem, "Het opslaan is mislukt. Er is niets opgeslagen. Probeer het opnieuw."), CancellationToken.None);
        }
        finally
        {
            queue.Finish(jobId);
        }
    }
}
