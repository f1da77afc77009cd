using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wijkbasis.Data;

/// <summary>SQLite has one writer at a time. When several requests write at once, the losers wait in SQLite's
/// busy handler, which sleeps in growing steps (1, 2, 5 … 100 ms) however soon the lock comes free: under a
/// burst of check-ins throughput collapses and the slowest requests take seconds. Queueing the writers of this
/// process in front of SQLite instead hands the lock on at once. Registered last, so it only holds the gate
/// once the other interceptors have agreed to the save; EF reports every save as saved, failed or cancelled.
/// Writes inside an explicit transaction keep SQLite's lock until commit; others then wait in the busy handler
/// as before (correct, only slower), which is rare (the audit sealer, the demo seed).</summary>
#pragma warning disable CA1001 // one gate per database file, alive as long as the process
internal sealed class SqliteWriteGate : SaveChangesInterceptor
#pragma warning restore CA1001
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> ByFile = new(StringComparer.Ordinal);

    /// <summary>The gate of one database file (writers of different files do not wait for each other).</summary>
    public static SqliteWriteGate For(string connectionString) =>
        ByFile.GetOrAdd(Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource), _ => new SqliteWriteGate());

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConcurrentDictionary<DbContext, bool> holders = new(ReferenceEqualityComparer.Instance);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && !holders.ContainsKey(context))
        {
            if (!gate.Wait(Timeout))
            {
                throw new TimeoutException("Waited too long for the SQLite writer queue.");
            }
            holders[context] = true;
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && !holders.ContainsKey(context))
        {
            if (!await gate.WaitAsync(Timeout, cancellationToken))
            {
                throw new TimeoutException("Waited too long for the SQLite writer queue.");
            }
            holders[context] = true;
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    // EF does not report a concurrency conflict as a failed save: it calls these just before throwing
    // DbUpdateConcurrencyException. Without them a refused stale edit would keep the gate shut for everyone.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Holds the writer queue of <paramref name="db"/>'s SQLite file for work that writes outside
    /// SaveChanges (raw SQL in a transaction, like the audit sealer), so request writers queue behind it instead of
    /// backing off in SQLite's busy handler. Nothing to hold on PostgreSQL.</summary>
    public static async Task<IAsyncDisposable> HoldAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite() || db.Database.GetConnectionString() is not { } connectionString)
        {
            return Nothing.Instance;
        }
        var gate = For(connectionString);
        if (!await gate.gate.WaitAsync(Timeout, cancellationToken))
        {
            throw new TimeoutException("Waited too long for the SQLite writer queue.");
        }
        gate.holders[db] = true;
        return new Holder(gate, db);
    }

    private sealed class Holder(SqliteWriteGate gate, DbContext db) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release(db);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Nothing : IAsyncDisposable
    {
        public static readonly Nothing Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private void Release(DbContext? context)
    {
        if (context is not null && holders.TryRemove(context, out _))
        {
            gate.Release();
        }
    }
}
