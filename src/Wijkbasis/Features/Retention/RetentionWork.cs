using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.Rooms;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Retention;

/// <summary>What is due under the current enterprise's retention terms, and the purge of one kind (docs/decisions/0024).
/// A purge runs in one transaction per kind and writes one audit row naming the kind and the count; the rows it
/// deletes or empties are not audited one by one (bulk statements skip the interceptor on purpose, as a list view is
/// one row).</summary>
public sealed class RetentionWork(WijkbasisDb db, TimeProvider time, AuditLog audit)
{
    /// <summary>How many items of a kind the dry run lists.</summary>
    public const int ItemsShown = 50;

    /// <summary>The name a purge and its head counts carry.</summary>
    public const string Actor = "bewaartermijn";

    public sealed record Item(string Label, DateTime? At, Guid? PersonId = null);

    public sealed record Due(RetentionKindInfo Info, int Term, bool Customised, DateTime CutOff, int Count);

    /// <summary>The term of every kind: the enterprise's own, else the default.</summary>
    public async Task<Dictionary<RetentionKind, (int Term, bool Customised)>> TermsAsync(CancellationToken cancellationToken)
    {
        var own = await db.RetentionSettings.AsNoTracking().ToDictionaryAsync(s => s.Kind, s => s.Term, cancellationToken);
        return RetentionKinds.All.ToDictionary(k => k.Kind,
            k => own.TryGetValue(k.Kind, out var t) ? (Math.Clamp(t, k.Minimum, k.Maximum), true) : (k.Default, false));
    }

    /// <summary>Per kind: the term, the moment before which records are due, and how many are due now.</summary>
    public async Task<List<Due>> DueAsync(CancellationToken cancellationToken)
    {
        var terms = await TermsAsync(cancellationToken);
        var now = time.UtcNow();
        var due = new List<Due>();
        foreach (var info in RetentionKinds.All)
        {
            var (term, customised) = terms[info.Kind];
            var cut = RetentionKinds.CutOff(info, term, now);
            due.Add(new Due(info, term, customised, cut, await CountAsync(info.Kind, cut, cancellationToken)));
        }
        return due;
    }

    public async Task<DateTime> CutOffAsync(RetentionKind kind, CancellationToken cancellationToken)
    {
        var info = RetentionKinds.Of(kind);
        return RetentionKinds.CutOff(info, (await TermsAsync(cancellationToken))[kind].Term, time.UtcNow());
    }

    private Task<int> CountAsync(RetentionKind kind, DateTime cut, CancellationToken cancellationToken) => kind switch
    {
        RetentionKind.SentForms => SentForms(cut).CountAsync(cancellationToken),
        RetentionKind.Invitations => Invitations(cut).CountAsync(cancellationToken),
        RetentionKind.PublicRoomRequests => RoomRequests(cut).CountAsync(cancellationToken),
        RetentionKind.LogNotes => Notes(cut).CountAsync(cancellationToken),
        RetentionKind.NamedCheckIns => CheckIns(cut).CountAsync(cancellationToken),
        RetentionKind.ClosedBuddyFiles => CountBuddyFilesAsync(cut, cancellationToken),
        RetentionKind.ArchivedPeople => ArchivedPeople(cut).CountAsync(cancellationToken),
        RetentionKind.MoneyLines => MoneyLines(cut).CountAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private async Task<int> CountBuddyFilesAsync(DateTime cut, CancellationToken cancellationToken) =>
        await ClosedCases(cut).CountAsync(cancellationToken) + await WithdrawnIntakes(cut).CountAsync(cancellationToken);

    /// <summary>The first <see cref="ItemsShown"/> items due of one kind, for the coordinator's dry run. Buddy files are
    /// shown by reference only: a coordinator without the caseworker role does not learn who had a buddy.</summary>
    public async Task<List<Item>> ItemsAsync(RetentionKind kind, CancellationToken cancellationToken)
    {
        var cut = await CutOffAsync(kind, cancellationToken);
        return kind switch
        {
            RetentionKind.SentForms => await SentForms(cut).OrderBy(f => f.SentAt).Take(ItemsShown)
                .Select(f => new Item(f.Result, f.SentAt, null)).ToListAsync(cancellationToken),
            RetentionKind.Invitations => await Invitations(cut).OrderBy(i => i.CreatedAt).Take(ItemsShown)
                .Select(i => new Item(i.Email, i.AcceptedAt ?? i.ExpiresAt, null)).ToListAsync(cancellationToken),
            RetentionKind.PublicRoomRequests => await RoomRequests(cut).OrderBy(r => r.ReceivedAt).Take(ItemsShown)
                .Select(r => new Item(r.Organisation + " (" + r.ContactName + ")", r.ReceivedAt, null)).ToListAsync(cancellationToken),
            RetentionKind.LogNotes => (await Notes(cut).OrderBy(e => e.At).Take(ItemsShown)
                    .Select(e => new { e.Text, e.At, e.PersonId }).ToListAsync(cancellationToken))
                .Select(e => new Item(e.Text.Length > 60 ? string.Concat(e.Text.AsSpan(0, 60), "…") : e.Text, e.At, e.PersonId)).ToList(),
            RetentionKind.NamedCheckIns => await CheckIns(cut).OrderBy(c => c.At).Take(ItemsShown)
                .Select(c => new Item(Past<People.Person>().Where(p => p.Id == c.PersonId).Select(p => p.Name).FirstOrDefault() ?? "", c.At, c.PersonId))
                .ToListAsync(cancellationToken),
            RetentionKind.ClosedBuddyFiles => (await ClosedCases(cut).OrderBy(c => c.ClosedAt).Take(ItemsShown)
                    .Select(c => new { c.Id, c.ClosedAt }).ToListAsync(cancellationToken))
                .Select(c => new Item(Case.ReferenceOf(c.Id), c.ClosedAt))
                .Concat((await WithdrawnIntakes(cut).OrderBy(i => i.CreatedAt).Take(ItemsShown)
                    .Select(i => new { i.Id, i.DecidedAt, i.CreatedAt }).ToListAsync(cancellationToken))
                    .Select(i => new Item("Intake " + i.Id.ToString("N")[^8..].ToUpperInvariant(), i.DecidedAt ?? i.CreatedAt)))
                .Take(ItemsShown).ToList(),
            RetentionKind.ArchivedPeople => await ArchivedPeople(cut).OrderBy(p => p.ArchivedAt).Take(ItemsShown)
                .Select(p => new Item(p.Name, p.ArchivedAt, p.Id)).ToListAsync(cancellationToken),
            RetentionKind.MoneyLines => (await MoneyLines(cut).OrderBy(m => m.BookedOn).Take(ItemsShown)
                    .Select(m => new { m.Counterparty, m.BookedOn }).ToListAsync(cancellationToken))
                .Select(m => new Item(m.Counterparty, m.BookedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))).ToList(),
            _ => [],
        };
    }

    /// <summary>Does the kind's work on everything due now, in one transaction, with one audit row naming the kind and
    /// the count (none when nothing was due). Kinds that are only listed do nothing and return 0.</summary>
    public async Task<int> PurgeAsync(RetentionKind kind, CancellationToken cancellationToken)
    {
        var info = RetentionKinds.Of(kind);
        if (info.Action == RetentionAction.ListOnly)
        {
            return 0;
        }
        var cut = await CutOffAsync(kind, cancellationToken);
        return await db.InTransactionAsync(async () =>
        {
            var count = kind switch
            {
                RetentionKind.SentForms => await SentForms(cut).ExecuteDeleteAsync(cancellationToken),
                RetentionKind.Invitations => await Invitations(cut).ExecuteDeleteAsync(cancellationToken),
                RetentionKind.PublicRoomRequests => await RoomRequests(cut).ExecuteDeleteAsync(cancellationToken),
                RetentionKind.LogNotes => await Notes(cut).ExecuteDeleteAsync(cancellationToken),
                RetentionKind.NamedCheckIns => await ConvertCheckInsAsync(cut, cancellationToken),
                RetentionKind.ClosedBuddyFiles => await EmptyBuddyFilesAsync(cut, cancellationToken),
                _ => 0,
            };
            if (count > 0)
            {
                audit.AddPurge(kind.ToString(), count, cut);
                await db.SaveChangesAsync(cancellationToken);
            }
            return count;
        }, cancellationToken);
    }

    /// <summary>Check-ins by name become counts without a name, per session and age band (the age in the session's year;
    /// no birth year counts as an adult), so the number of visitors of every session stays the same.</summary>
    private async Task<int> ConvertCheckInsAsync(DateTime cut, CancellationToken cancellationToken)
    {
        var groups = await CheckIns(cut)
            .Join(db.Sessions, c => c.SessionId, s => s.Id, (c, s) => new { c.SessionId, s.OccurrenceDate.Year, c.PersonId })
            .Join(Past<People.Person>(), x => x.PersonId, p => p.Id, (x, p) => new { x.SessionId, x.Year, p.BirthYear }) // tombstones too: their visits count
            .GroupBy(x => new { x.SessionId, x.Year, x.BirthYear })
            .Select(g => new { g.Key.SessionId, g.Key.Year, g.Key.BirthYear, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var now = time.UtcNow();
        foreach (var session in groups.GroupBy(g => g.SessionId))
        {
            var count = new HeadCount { SessionId = session.Key, At = now, ByName = Actor };
            foreach (var g in session)
            {
                HeadCounts.Add(count, BandOf(g.BirthYear is { } born ? g.Year - born : null), g.Count);
            }
            db.HeadCounts.Add(count);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return await CheckIns(cut).ExecuteDeleteAsync(cancellationToken);
    }

    public static AgeBand BandOf(int? age) => age switch
    {
        null => AgeBand.Adults,
        <= 12 => AgeBand.Children,
        <= 17 => AgeBand.Teens,
        <= 64 => AgeBand.Adults,
        _ => AgeBand.Seniors,
    };

    /// <summary>Empties the sealed fields of closed trajectories: what the resident said, the ZRM, notes, reasons. The
    /// skeleton (dates, weight, outcome, buddy) stays for the figures and the money booked on the case.</summary>
    private async Task<int> EmptyBuddyFilesAsync(DateTime cut, CancellationToken cancellationToken)
    {
        var cases = await ClosedCases(cut).Select(c => new { c.Id, c.IntakeId }).ToListAsync(cancellationToken);
        var caseIds = cases.Select(c => c.Id).ToList();
        var intakeIds = cases.Select(c => c.IntakeId)
            .Concat(await WithdrawnIntakes(cut).Select(i => i.Id).ToListAsync(cancellationToken)).Distinct().ToList();
        var count = cases.Count + intakeIds.Count - cases.Select(c => c.IntakeId).Distinct().Count();
        foreach (var chunk in caseIds.Chunk(500))
        {
            await Past<Case>().Where(c => chunk.Contains(c.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.OutcomeNote, (Infrastructure.Secrets.SealedText?)null)
                .SetProperty(c => c.ClosingZrm, (Infrastructure.Secrets.SealedText?)null)
                .SetProperty(c => c.TransferReason, (Infrastructure.Secrets.SealedText?)null)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
            await Past<CaseContact>().Where(x => chunk.Contains(x.CaseId) && x.Note != null)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Note, (Infrastructure.Secrets.SealedText?)null), cancellationToken);
            await Past<CaseItem>().Where(x => chunk.Contains(x.CaseId) && x.Text != null)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Text, (Infrastructure.Secrets.SealedText?)null), cancellationToken);
        }
        foreach (var chunk in intakeIds.Chunk(500))
        {
            await Past<Intake>().Where(i => chunk.Contains(i.Id)).ExecuteUpdateAsync(u => u
                .SetProperty(i => i.Want, (Infrastructure.Secrets.SealedText?)null)
                .SetProperty(i => i.Can, (Infrastructure.Secrets.SealedText?)null)
                .SetProperty(i => i.Need, (Infrastructure.Secrets.SealedText?)null)
                .SetProperty(i => i.Goals, (Infrastructure.Secrets.SealedText?)null)
                .SetProperty(i => i.Zrm, (Infrastructure.Secrets.SealedText?)null)
                .SetProperty(i => i.DecisionReason, (Infrastructure.Secrets.SealedText?)null)
                .SetProperty(i => i.Version, i => i.Version + 1), cancellationToken);
        }
        return count;
    }

    /// <summary>Runs every automatic kind (the background job). Returns what each purged.</summary>
    public async Task<Dictionary<RetentionKind, int>> PurgeAutomaticAsync(CancellationToken cancellationToken)
    {
        var done = new Dictionary<RetentionKind, int>();
        foreach (var info in RetentionKinds.All.Where(k => k.Action == RetentionAction.Automatic))
        {
            done[info.Kind] = await PurgeAsync(info.Kind, cancellationToken);
        }
        return done;
    }

    private IQueryable<T> Past<T>() where T : class => TenantBypass.RowsToPurge(db.Set<T>());

    private IQueryable<Shared.SentForm> SentForms(DateTime cut) => db.SentForms.Where(f => f.SentAt < cut);

    private IQueryable<Invitation> Invitations(DateTime cut) =>
        db.Invitations.Where(i => i.AcceptedAt != null ? i.AcceptedAt < cut : i.ExpiresAt < cut);

    private IQueryable<BookingRequest> RoomRequests(DateTime cut) =>
        db.BookingRequests.Where(r => (r.DecidedAt ?? r.ReceivedAt) < cut);

    private IQueryable<LogEntry> Notes(DateTime cut) =>
        db.LogEntries.Where(e => !(e.Kind == LogEntryKind.Story && e.ConsentToReport) && db.Sessions.Any(s => s.Id == e.SessionId && s.StartsAt < cut));

    private IQueryable<CheckIn> CheckIns(DateTime cut) =>
        db.CheckIns.Where(c => db.Sessions.Any(s => s.Id == c.SessionId && s.StartsAt < cut));

    private IQueryable<Case> ClosedCases(DateTime cut) =>
        Past<Case>().Where(c => c.Status == CaseStatus.Closed && c.ClosedAt < cut
            && (c.OutcomeNote != null || c.ClosingZrm != null || c.TransferReason != null
                || Past<CaseContact>().Any(x => x.CaseId == c.Id && x.Note != null)
                || Past<CaseItem>().Any(x => x.CaseId == c.Id && x.Text != null)
                || Past<Intake>().Any(i => i.Id == c.IntakeId && (i.Want != null || i.Can != null || i.Need != null || i.Goals != null || i.Zrm != null || i.DecisionReason != null))));

    private IQueryable<Intake> WithdrawnIntakes(DateTime cut) =>
        Past<Intake>().Where(i => i.Status == IntakeStatus.Withdrawn && (i.DecidedAt ?? i.CreatedAt) < cut
            && (i.Want != null || i.Can != null || i.Need != null || i.Goals != null || i.Zrm != null || i.DecisionReason != null));

    /// <summary>Archived before the cut-off and not checked in since.</summary>
    private IQueryable<People.Person> ArchivedPeople(DateTime cut) =>
        db.People.Where(p => p.ArchivedAt != null && p.ArchivedAt < cut && p.ErasedAt == null
            && !db.CheckIns.Any(c => c.PersonId == p.Id && c.At >= cut));

    /// <summary>Lines of a year that ended more than the term ago (the fiscal term counts from the end of the year).</summary>
    private IQueryable<MoneyFlows.MoneyLine> MoneyLines(DateTime cut)
    {
        var firstKept = new DateOnly(cut.Year, 1, 1);
        return db.MoneyLines.Where(m => m.BookedOn < firstKept);
    }
}
