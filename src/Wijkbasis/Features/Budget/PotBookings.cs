using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Budget;

/// <summary>What became of a booking and why (for a refusal: the refusal; else what the rules said).</summary>
public sealed record BookingResult(SpendOutcome Outcome, Refusal Message, Guid? EntryId = null, Guid? RequestId = null);

/// <summary>Books money on a pot. Every booking reads the pot's balance and writes its line under one lock on the
/// pot: a row lock on PostgreSQL, the writer queue on SQLite, and on both the pot's version as a concurrency
/// token (so a second instance cannot slip past). The pot therefore never goes below zero and no month's
/// mandate is exceeded, also when 50 spends arrive at once.</summary>
public sealed class PotBookings(WijkbasisDb db, TenantContext tenant, TimeProvider time, FieldCipher cipher, ILogger<PotBookings> log)
{
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
    /// <remarks><paramref name="alongside"/> adds what must be saved with a booking or request (the form's one-time key),
    /// inside the pot's lock; it is not called for a refusal.</remarks>
    public async Task<BookingResult> SpendAsync(Case forCase, long amount, SpendPurpose purpose, string? note, CancellationToken cancellationToken,
        Action? alongside = null)
    {
        if (forCase.IsClosed)
        {
            return new(SpendOutcome.Refused, Case.Closed);
        }
        if (!Enum.IsDefined(purpose))
        {
            return new(SpendOutcome.Refused, new("Kies waarvoor het geld is."));
        }
        if (note is { Length: > SpendRequest.NoteMax })
        {
            return new(SpendOutcome.Refused, new("De toelichting is te lang (hoogstens {0} tekens).", SpendRequest.NoteMax));
        }
        if (await CurrentPotAsync(cancellationToken) is not { } current)
        {
            return new(SpendOutcome.Refused, new("Er is geen pot voor vandaag. Vraag de coördinator een pot te openen."));
        }
        var userId = tenant.UserId ?? throw new InvalidOperationException("A spend needs a signed-in user.");
        return await UnderPotLockAsync(current.Id, async pot =>
        {
            var today = time.AmsterdamToday();
            if (await TenantBypass.IsCaseClosed(db, forCase.Id).AnyAsync(cancellationToken))
            {
                return new BookingResult(SpendOutcome.Refused, Case.Closed);
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
                    alongside?.Invoke();
                    return new BookingResult(SpendOutcome.Approved, decision.Message, EntryId: entry.Id);
                case SpendOutcome.NeedsApproval:
                    var request = new SpendRequest
                    {
                        PotId = pot.Id, CaseId = forCase.Id, AmountCents = amount, Purpose = purpose, RequestedByUserId = userId,
                        RequestedByName = tenant.DisplayName, RequestedAt = time.UtcNow(), WhyApproval = decision.Message.Encode(),
                        Status = SpendRequestStatus.Pending,
                    };
                    request.Note = cipher.Seal(note?.Trim(), request, nameof(SpendRequest.Note));
                    db.SpendRequests.Add(request);
                    alongside?.Invoke();
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
                return new BookingResult(SpendOutcome.Refused, AlreadyDecided);
            }
            if (await TenantBypass.IsCaseClosed(db, request.CaseId).AnyAsync(cancellationToken))
            {
                return new BookingResult(SpendOutcome.Refused, new("De casus is afgesloten. Voor een afgesloten casus wordt niets meer uitgegeven."));
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
            return new BookingResult(SpendOutcome.Approved, new("De uitgave is goedgekeurd en geboekt."), EntryId: entry.Id, RequestId: request.Id);
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
            return Task.FromResult(new BookingResult(SpendOutcome.Approved, new("De bijdrage is geboekt."), EntryId: entry.Id));
        }, cancellationToken);
    }

    /// <summary>Undoes a line with a reversal line (the ledger itself never changes).</summary>
    public async Task<BookingResult> ReverseAsync(Guid entryId, string? reason, CancellationToken cancellationToken)
    {
        var entry = await db.LedgerEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (entry is null)
        {
            return new(SpendOutcome.Refused, new("Deze regel bestaat niet."));
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
            return new BookingResult(SpendOutcome.Approved, new("De regel is teruggeboekt."), EntryId: reversal!.Id);
        }, cancellationToken);
    }

    /// <summary>A budget approver (not the requester) says no to a request, with a reason; nothing is booked.</summary>
    public async Task<BookingResult> RejectAsync(SpendRequest request, string? reason, CancellationToken cancellationToken)
    {
        if (request.Status != SpendRequestStatus.Pending)
        {
            return new(SpendOutcome.Refused, AlreadyDecided);
        }
        var approverId = tenant.UserId ?? throw new InvalidOperationException("A rejection needs a signed-in user.");
        if (SpendRules.CheckRejection(request.RequestedByUserId, approverId, tenant.IsInRole(Infrastructure.Auth.Roles.BudgetApprover), reason) is { } problem)
        {
            return new(SpendOutcome.Refused, problem);
        }
        request.Status = SpendRequestStatus.Rejected;
        request.DecidedByUserId = approverId;
        request.DecidedByName = tenant.DisplayName;
        request.DecidedAt = time.UtcNow();
        request.DecisionReason = cipher.Seal(reason!.Trim(), request, nameof(SpendRequest.DecisionReason));
        request.Version++;
        // The request's version is its concurrency token: of two approvers deciding at once, one gets a conflict.
        await db.SaveChangesAsync(cancellationToken);
        return new(SpendOutcome.Approved, new("De aanvraag is afgewezen."), RequestId: request.Id);
    }

    private static readonly Refusal AlreadyDecided = new("Over deze aanvraag is al beslist.");

    public async Task<long> SpentOnOwnMandateAsync(Guid userId, DateOnly day, CancellationToken cancellationToken) =>
        (await SpentOnOwnMandateAsync([userId], day, cancellationToken))[userId];

    /// <summary>What each of <paramref name="userIds"/> spent on their own mandate in the month of <paramref name="day"/>,
    /// in one query.</summary>
    public async Task<Dictionary<Guid, long>> SpentOnOwnMandateAsync(IReadOnlyCollection<Guid> userIds, DateOnly day, CancellationToken cancellationToken)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        var next = first.AddMonths(1);
        var lines = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.RequestedByUserId != null && userIds.Contains(e.RequestedByUserId.Value) && e.OnOwnMandate
                && ((e.Kind == LedgerKind.Spend && e.BookedOn >= first && e.BookedOn < next) || e.Kind == LedgerKind.Reversal))
            .ToListAsync(cancellationToken);
        var byUser = lines.ToLookup(e => e.RequestedByUserId!.Value);
        return userIds.Distinct().ToDictionary(id => id, id => Ledger.SpentOnOwnMandate(byUser[id].ToList(), id, day));
    }

    /// <summary>Runs <paramref name="work"/> with the pot locked (see <see cref="LedgerLock"/>) and saves what it added.
    /// Work that refuses adds nothing. A retry keeps what the caller tracks (a request being approved).</summary>
    private Task<BookingResult> UnderPotLockAsync(Guid potId, Func<BudgetPot, Task<BookingResult>> work, CancellationToken cancellationToken) =>
        LedgerLock.RunAsync(db, log, $"Pot {potId}", $"SELECT 1 FROM \"BudgetPots\" WHERE \"Id\" = {potId} FOR UPDATE", async () =>
        {
            var pot = await db.BudgetPots.SingleAsync(p => p.Id == potId, cancellationToken);
            await db.Entry(pot).ReloadAsync(cancellationToken);
            return new LedgerLock.Attempt<BookingResult>(await work(pot), Save: true);
        }, () => LedgerLock.UndoChangesAsync(db, cancellationToken), cancellationToken);
}
