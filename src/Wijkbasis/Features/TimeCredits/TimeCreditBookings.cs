using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.TimeCredits;

/// <summary>What a booking did: done, with what to tell the user, or refused, with why (<see cref="Text"/>, a format
/// plus values, rendered in the reader's language).</summary>
public sealed record TransferResult(bool Done, Refusal Text, Guid? TransferId = null)
{
    public TransferResult(bool done, string message, Guid? transferId = null) : this(done, new Refusal(message), transferId)
    {
    }

    /// <summary>The text encoded for model state or TempData (see <see cref="LocalText"/>).</summary>
    public string Message => Text.Encode();
}

/// <summary>Books time credits. Every transfer reads both balances and writes its two movements under one lock on the
/// enterprise's time bank (its settings row): a row lock on PostgreSQL, the writer queue on SQLite, and on both the
/// settings' version as a concurrency token (so a second instance cannot slip past), as the pot bookings do. Balances
/// therefore always sum to zero and never pass a bound, also when 200 transfers arrive at once.</summary>
public sealed class TimeCreditBookings(WijkbasisDb db, TenantContext tenant, TimeProvider time, ILogger<TimeCreditBookings> log)
{
    private const int Attempts = 8;

    public Task<TimeCreditSettings?> SettingsAsync(CancellationToken cancellationToken) =>
        db.TimeCreditSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);

    public Task<long> BalanceAsync(Guid accountId, CancellationToken cancellationToken) =>
        db.TimeCreditMovements.Where(m => m.AccountId == accountId).SumAsync(m => m.Points, cancellationToken);

    /// <param name="alongside">Adds what the transfer is for (a contribution, a match's thanks) to the same save, so both
    /// are stored or neither; called again, with the transfer's id, on every attempt, under the time bank's lock. A
    /// refusal it returns refuses the transfer: nothing is saved.</param>
    public async Task<TransferResult> TransferAsync(Guid fromAccountId, Guid toAccountId, long points, string? description,
        CancellationToken cancellationToken, string? linkKind = null, Guid? linkId = null, Func<Guid, Task<Refusal?>>? alongside = null)
    {
        if (fromAccountId == toAccountId && fromAccountId != Guid.Empty)
        {
            return new(false, "Van en naar zijn dezelfde rekening. Kies twee verschillende rekeningen.");
        }
        return await UnderLockAsync(async settings =>
        {
            var from = await SideAsync(fromAccountId, cancellationToken);
            var to = await SideAsync(toAccountId, cancellationToken);
            var (transfer, movements, problem) = TimeCreditLedger.Transfer(settings, from, to, points, description,
                tenant.UserId, tenant.DisplayName, time.UtcNow(), time.AmsterdamToday());
            if (problem is not null)
            {
                return new TransferResult(false, problem);
            }
            transfer!.LinkKind = linkKind;
            transfer.LinkId = linkId;
            db.TimeCreditTransfers.Add(transfer);
            db.TimeCreditMovements.AddRange(movements);
            if (alongside is not null && await alongside(transfer.Id) is { } refused)
            {
                return new TransferResult(false, refused);
            }
            return new TransferResult(true, "De punten zijn overgeboekt.", transfer.Id);
        }, cancellationToken);
    }

    public async Task<TransferResult> ReverseAsync(Guid transferId, string? reason, CancellationToken cancellationToken)
    {
        var original = await db.TimeCreditTransfers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == transferId, cancellationToken);
        if (original is null)
        {
            return new(false, "Deze overboeking bestaat niet.");
        }
        return await UnderLockAsync(async settings =>
        {
            var reversed = await db.TimeCreditTransfers.AnyAsync(t => t.ReversesTransferId == original.Id, cancellationToken);
            var receiver = await SideAsync(original.ToAccountId, cancellationToken);
            var giver = await SideAsync(original.FromAccountId, cancellationToken);
            var (transfer, movements, problem) = TimeCreditLedger.Reverse(settings, original, reversed, receiver!, giver!, reason,
                tenant.UserId, tenant.DisplayName, time.UtcNow(), time.AmsterdamToday());
            if (problem is not null)
            {
                return new TransferResult(false, problem);
            }
            db.TimeCreditTransfers.Add(transfer!);
            db.TimeCreditMovements.AddRange(movements);
            return new TransferResult(true, "De overboeking is teruggeboekt.", transfer!.Id);
        }, cancellationToken);
    }

    /// <summary>Switches the time bank on or off and sets the bounds, under the same lock as transfers. The first time,
    /// it also opens the enterprise's own account.</summary>
    public async Task<TransferResult> SaveSettingsAsync(bool enabled, long min, long max, CancellationToken cancellationToken)
    {
        if (TimeCreditLedger.CheckBounds(min, max) is { } problem)
        {
            return new(false, problem);
        }
        if (!await db.TimeCreditSettings.AnyAsync(cancellationToken))
        {
            try
            {
                db.TimeCreditSettings.Add(new TimeCreditSettings { UpdatedAt = time.UtcNow(), UpdatedByName = tenant.DisplayName });
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Someone else made them first; change theirs below.
            }
            db.ChangeTracker.Clear();
        }
        return await UnderLockAsync(async settings =>
        {
            settings.Enabled = enabled;
            settings.MinBalance = min;
            settings.MaxBalance = max;
            settings.UpdatedAt = time.UtcNow();
            settings.UpdatedByName = tenant.DisplayName;
            if (!await db.TimeCreditAccounts.AnyAsync(a => a.Kind == AccountKind.Enterprise, cancellationToken))
            {
                db.TimeCreditAccounts.Add(new TimeCreditAccount { Kind = AccountKind.Enterprise, Name = tenant.Name, OpenedAt = time.UtcNow() });
            }
            return new TransferResult(true, enabled ? "De tijdbank staat aan." : "De tijdbank staat uit. De geschiedenis blijft bewaard.");
        }, cancellationToken);
    }

    /// <summary>The person's account, opened first when there is none (an empty account changes no balance). Leaves the
    /// change tracker empty.</summary>
    public async Task<Guid> PersonAccountAsync(Guid personId, string name, CancellationToken cancellationToken)
    {
        if (await db.TimeCreditAccounts.Where(a => a.PersonId == personId).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken) is { } id)
        {
            return id;
        }
        var account = new TimeCreditAccount { Kind = AccountKind.Person, PersonId = personId, Name = name, OpenedAt = time.UtcNow() };
        db.TimeCreditAccounts.Add(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return account.Id;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return await db.TimeCreditAccounts.Where(a => a.PersonId == personId).Select(a => a.Id).SingleAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<TimeCreditLedger.Side?> SideAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var account = await db.TimeCreditAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        return account is null ? null : new TimeCreditLedger.Side(account, await BalanceAsync(account.Id, cancellationToken));
    }

    /// <summary>Runs <paramref name="work"/> with the enterprise's time bank locked and saves what it added. Work that
    /// refuses adds nothing (and what it may have added is thrown away).</summary>
    private Task<TransferResult> UnderLockAsync(Func<TimeCreditSettings, Task<TransferResult>> work, CancellationToken cancellationToken) =>
        // Row-level security limits the lock to the current enterprise's row.
        LedgerLock.RunAsync(db, log, "The time bank", $"SELECT 1 FROM \"TimeCreditSettings\" WHERE \"TenantId\" = {tenant.TenantId} FOR UPDATE", async () =>
        {
            var settings = await db.TimeCreditSettings.SingleOrDefaultAsync(cancellationToken);
            if (settings is null)
            {
                return new LedgerLock.Attempt<TransferResult>(new TransferResult(false, TimeCreditLedger.OffMessage), Save: false);
            }
            await db.Entry(settings).ReloadAsync(cancellationToken);
            var result = await work(settings);
            if (!result.Done)
            {
                db.ChangeTracker.Clear();
                return new(result, Save: false);
            }
            settings.Version++;
            return new(result, Save: true);
        }, () =>
        {
            db.ChangeTracker.Clear();
            return Task.CompletedTask;
        }, cancellationToken);
}
