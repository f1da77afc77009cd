using Microsoft.EntityFrameworkCore;

namespace Wijkbasis.Data;

/// <summary>The one way a ledger (the neighbourhood pot, the time bank) books: read the balance and write the lines
/// under one lock on the ledger's row — a row lock on PostgreSQL, the writer queue on SQLite — and, because a second
/// instance may still slip past the queue, save against the row's version and try again when it changed meanwhile.
/// The pot bookings and the time-credit bookings both go through here, so a third ledger does too.</summary>
public static class LedgerLock
{
    /// <summary>How often a booking is tried when other writers keep changing the ledger in between.</summary>
    public const int Attempts = 8;

    /// <summary>One attempt's answer: <see cref="Result"/>, and whether what the attempt staged is to be saved.</summary>
    public readonly record struct Attempt<T>(T Result, bool Save);

    /// <summary>Runs <paramref name="attempt"/> with the ledger's row locked (<paramref name="lockRow"/>: a
    /// <c>SELECT … FOR UPDATE</c>, run on PostgreSQL only) and saves what it staged when it says so. On a concurrency
    /// conflict, <paramref name="forget"/> throws the attempt's changes away and it is tried again, up to
    /// <see cref="Attempts"/> times (the last conflict is thrown). <paramref name="ledger"/> names it in the log.</summary>
    public static async Task<T> RunAsync<T>(DbContext db, ILogger log, string ledger, FormattableString lockRow,
        Func<Task<Attempt<T>>> attempt, Func<Task> forget, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            await using var hold = await SqliteWriteGate.HoldAsync(db, cancellationToken);
            await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            if (transaction is not null)
            {
                await db.Database.ExecuteSqlAsync(lockRow, cancellationToken);
            }
            var (result, save) = await attempt();
            if (!save)
            {
                return result;
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
                return result;
            }
            catch (DbUpdateConcurrencyException) when (number < Attempts)
            {
                // Another instance booked on this ledger in between: forget this attempt and read again.
                log.LogInformation("{Ledger} changed during a booking; trying again ({Attempt})", ledger, number);
                await forget();
            }
        }
    }

    /// <summary>Forgets an attempt but keeps what the caller tracks: what it added is detached, what it changed is
    /// read again from the database.</summary>
    public static async Task UndoChangesAsync(DbContext db, CancellationToken cancellationToken)
    {
        foreach (var added in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
        {
            added.State = EntityState.Detached;
        }
        foreach (var changed in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Modified).ToList())
        {
            await changed.ReloadAsync(cancellationToken);
        }
    }
}
