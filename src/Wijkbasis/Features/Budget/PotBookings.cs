using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Cases;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Budget;

public sealed record BookingResult(SpendOutcome Outcome, string Message, Guid? EntryId = null, Guid? RequestId = null);

/// <summary>Books money on a pot. Every booking reads the pot's balance and writes its line under one lock on the
/// pot: a row lock on PostgreSQL, the writer queue on SQLite, and on both the pot's version as a concurrency
/// token (so a second instance cannot slip past). The pot therefore never goes below zero and no month's
/// mandate is exceeded, also when 50 spends arrive at once.</summary>
public sealed class PotBookings(WijkbasisDb db, TenantContext tenant, TimeProvider time, FieldCipher cipher, ILogger<PotBookings> log)
{
    private const int Attempts = 8;

    /// <summary>The pot open today (the newest, when periods overlap).</summary>
    public Task<BudgetPot?> CurrentPotAsync(CancellationToken cancellationToken)
    {
        var today = time.AmsterdamToday();
        return db.BudgetPots.Where(p => p.StartsOn <= today && p.EndsOn >= today)
            .OrderByDescending(p => p.StartsOn).ThenByDescending(p => p.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<long> BalanceAsync(Guid potId, CancellationToken cancellationToken) =>
        db.LedgerEntries.Where(e => e.PotId == potId).SumAsync(e => e.AmountCents, cancellationToken);

    /// <summary>A buddy or wijkverbinder spends for a case: booked at once within their mandate, else a request
    /// for a budget approver. Refused when the pot cannot pay it.</summary>
    public async Task<BookingResult> SpendAsync(Case forCase, long amount, SpendPurpose purpose, string? note, CancellationToken cancellationToken)
    {
        if (forCase.IsClosed)
        {
            return new(SpendOutcome.Refused, Case.ClosedMessage);
        }
        if (!Enum.IsDefined(purpose))
        {
            return new(SpendOutcome.Refused, "Kies waarvoor het geld is.");
        }
        if (note is { Length: > SpendRequest.NoteMax })
        {
            return new(SpendOutcome.Refused, $"De toelichting is te lang (hoogstens {SpendRequest.NoteMax} tekens).");
        }
        if (await CurrentPotAsync(cancellationToken) is not { } current)
        {
            return new(SpendOutcome.Refused, "Er is geen pot voor vandaag. Vraag de coördinator een pot te openen.");
        }
        var userId = tenant.UserId ?? throw new InvalidOperationException("A spend needs a signed-in user.");
        return await UnderPotLockAsync(current.Id, async pot =>
        {
            var today = time.AmsterdamToday();
            if (await TenantBypass.IsCaseClosed(db, forCase.Id).AnyAsync(cancellationToken))
            {
                return new BookingResult(SpendOutcome.Refused, Case.ClosedMessage);
            }
            var balance = await BalanceAsync(pot.Id, cancellationToken);
            var mandate = await db.Mandates.Where(m => m.UserId == userId).Select(m => m.Limits).SingleOrDefaultAsync(cancellationToken);
            var spent = await SpentOnOwnMandateAsync(userId, today, cancellationToken);
            var decision = SpendRules.Decide(amount, mandate, spent, balance);
            switch (decision.Outcome)
            {
                case SpendOutcome.Approved:
                    var entry = new LedgerEntry
                    {
                        PotId = pot.Id, Kind = LedgerKind.Spend, AmountCents = -amount, At = time.UtcNow(), BookedOn = today,
                        ByUserId = userId, ByName = tenant.DisplayName, Purpose = purpose, CaseId = forCase.Id,
                        RequestedByUserId = userId, OnOwnMandate = true,
                    };
                    entry.Note = cipher.Seal(note?.Trim(), entry, nameof(LedgerEntry.Note));
                    db.LedgerEntries.Add(entry);
                    pot.Version++;
                    return new BookingResult(SpendOutcome.Approved, decision.Message, EntryId: entry.Id);
                case SpendOutcome.NeedsApproval:
                    var request = new SpendRequest
                    {
                        PotId = pot.Id, CaseId = forCase.Id, AmountCents = amount, Purpose = purpose, RequestedByUserId = userId,
                        RequestedByName = tenant.DisplayName, RequestedAt = time.UtcNow(), WhyApproval = decision.Message,
                        Status = SpendRequestStatus.Pending,
                    };
                    request.Note = cipher.Seal(note?.Trim(), request, nameof(SpendRequest.Note));
                    db.SpendRequests.Add(request);
                    return new BookingResult(SpendOutcome.NeedsApproval, decision.Message, RequestId: request.Id);
                default:
                    return new BookingResult(SpendOutcome.Refused, decision.Message);
            }
        }, cancellationToken);
    }

    /// <summary>A budget approver (not the requester) approves a request: the money is booked if the pot still holds it.</summary>
    public async Task<BookingResult> ApproveAsync(SpendRequest request, CancellationToken cancellationToken)
    {
        var approverId = tenant.UserId ?? throw new InvalidOperationException("An approval needs a signed-in user.");
        return await UnderPotLockAsync(request.PotId, async pot =>
        {
            // Read again under the lock: another approver may have decided in the meantime.
            await db.Entry(request).ReloadAsync(cancellationToken);
            if (request.Status != SpendRequestStatus.Pending)
            {
                return new BookingResult(SpendOutcome.Refused, "Over deze aanvraag is al beslist.");
            }
            if (await TenantBypass.IsCaseClosed(db, request.CaseId).AnyAsync(cancellationToken))
            {
                return new BookingResult(SpendOutcome.Refused, "De casus is afgesloten. Voor een afgesloten casus wordt niets meer uitgegeven.");
            }
            var balance = await BalanceAsync(pot.Id, cancellationToken);
            if (SpendRules.CheckApproval(request.RequestedByUserId, approverId, tenant.IsInRole(Infrastructure.Auth.Roles.BudgetApprover),
                    request.AmountCents, balance) is { } problem)
            {
                return new BookingResult(SpendOutcome.Refused, problem);
            }
            var entry = new LedgerEntry
            {
                PotId = pot.Id, Kind = LedgerKind.Spend, AmountCents = -request.AmountCents, At = time.UtcNow(),
                BookedOn = time.AmsterdamToday(), ByUserId = request.RequestedByUserId, ByName = request.RequestedByName,
                Purpose = request.Purpose, CaseId = request.CaseId, SpendRequestId = request.Id, ApprovedByName = tenant.DisplayName,
                RequestedByUserId = request.RequestedByUserId, OnOwnMandate = false,
            };
            // The note moves from the request to the ledger line: sealed again for its new place.
            entry.Note = cipher.Seal(cipher.Open(request.Note, request, nameof(SpendRequest.Note)), entry, nameof(LedgerEntry.Note));
            db.LedgerEntries.Add(entry);
            request.Status = SpendRequestStatus.Approved;
            request.DecidedByUserId = approverId;
            request.DecidedByName = tenant.DisplayName;
            request.DecidedAt = time.UtcNow();
            request.LedgerEntryId = entry.Id;
            request.Version++;
            pot.Version++;
            return new BookingResult(SpendOutcome.Approved, "De uitgave is goedgekeurd en geboekt.", EntryId: entry.Id, RequestId: request.Id);
        }, cancellationToken);
    }

    /// <summary>A source puts money in the pot.</summary>
    public async Task<BookingResult> ContributeAsync(BudgetPot target, FundingSource source, string sourceName, long amount, CancellationToken cancellationToken)
    {
        if (SpendRules.CheckContribution(amount) is { } problem)
        {
            return new(SpendOutcome.Refused, problem);
        }
        return await UnderPotLockAsync(target.Id, pot =>
        {
            var entry = new LedgerEntry
            {
                PotId = pot.Id, Kind = LedgerKind.Contribution, AmountCents = amount, At = time.UtcNow(), BookedOn = time.AmsterdamToday(),
                ByUserId = tenant.UserId, ByName = tenant.DisplayName, Source = source, SourceName = sourceName.Trim(),
            };
            db.LedgerEntries.Add(entry);
            pot.Version++;
            return Task.FromResult(new BookingResult(SpendOutcome.Approved, "De bijdrage is geboekt.", EntryId: entry.Id));
        }, cancellationToken);
    }

    /// <summary>Undoes a line with a reversal line (the ledger itself never changes).</summary>
    public async Task<BookingResult> ReverseAsync(Guid entryId, string? reason, CancellationToken cancellationToken)
    {
        var entry = await db.LedgerEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (entry is null)
        {
            return new(SpendOutcome.Refused, "Deze regel bestaat niet.");
        }
        return await UnderPotLockAsync(entry.PotId, async pot =>
        {
            var reversed = await db.LedgerEntries.AnyAsync(e => e.ReversesEntryId == entry.Id, cancellationToken);
            var balance = await BalanceAsync(pot.Id, cancellationToken);
            var (reversal, problem) = Ledger.Reverse(entry, reversed, balance, reason, tenant.UserId, tenant.DisplayName, time.UtcNow(), time.AmsterdamToday());
            if (problem is not null)
            {
                return new BookingResult(SpendOutcome.Refused, problem);
            }
            db.LedgerEntries.Add(reversal!);
            pot.Version++;
            return new BookingResult(SpendOutcome.Approved, "De regel is teruggeboekt.", EntryId: reversal!.Id);
        }, cancellationToken);
    }

    public async Task<long> SpentOnOwnMandateAsync(Guid userId, DateOnly day, CancellationToken cancellationToken)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        var next = first.AddMonths(1);
        var lines = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.RequestedByUserId == userId && e.OnOwnMandate
                && ((e.Kind == LedgerKind.Spend && e.BookedOn >= first && e.BookedOn < next) || e.Kind == LedgerKind.Reversal))
            .ToListAsync(cancellationToken);
        return Ledger.SpentOnOwnMandate(lines, userId, day);
    }

    /// <summary>Runs <paramref name="work"/> with the pot locked and saves what it added. Work that refuses adds nothing.</summary>
    private async Task<BookingResult> UnderPotLockAsync(Guid potId, Func<BudgetPot, Task<BookingResult>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var hold = await SqliteWriteGate.HoldAsync(db, cancellationToken);
            await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            if (transaction is not null)
            {
                await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"BudgetPots\" WHERE \"Id\" = {potId} FOR UPDATE", cancellationToken);
            }
            var pot = await db.BudgetPots.SingleAsync(p => p.Id == potId, cancellationToken);
            await db.Entry(pot).ReloadAsync(cancellationToken);
            var result = await work(pot);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Another instance booked on this pot in between: forget this attempt and read again.
                log.LogInformation("Pot {PotId} changed during a booking; trying again ({Attempt})", potId, attempt);
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
    }
}
