using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Logbook;

/// <summary>The logbook of one session: who came (check-in), how many walk-ins, notes and stories.
/// Built for a tablet at the door: search, one tap, undo.</summary>
public sealed class SessionModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, AuditLog audit, CheckIns checkIns) : PageModel
{
    public const int ResultsShown = 10;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public Guid PersonId { get; set; }
    [BindProperty] public Guid RecordId { get; set; }
    // Each form has a fixed prefix: without an explicit name MVC falls back to unprefixed fields when the
    // prefix is absent, and a crafted post could then slip past the validation of the form it claims to be.
    [BindProperty(Name = nameof(Count))] public HeadCountInput Count { get; set; } = new();
    [BindProperty(Name = nameof(Entry))] public EntryInput Entry { get; set; } = new();
    [BindProperty(Name = nameof(NewPerson))] public NewPersonInput NewPerson { get; set; } = new();
    [BindProperty(Name = nameof(Step))] public StepInput Step { get; set; } = new();

    public Session Session { get; private set; } = null!;
    public bool MayCorrect { get; private set; }
    public Refusal? WriteRefusal { get; private set; }
    public bool CanClose { get; private set; }
    /// <summary>The new-person form matched someone already registered: offer "it is someone else".</summary>
    public bool NewPersonDuplicate { get; private set; }
    public List<Visitor> CheckedIn { get; private set; } = [];
    public List<Found> Results { get; private set; } = [];
    public List<HeadCount> Counts { get; private set; } = [];
    public List<EntryRow> Entries { get; private set; } = [];
    /// <summary>The session's "vaste bezoekers", to tick off with one tap.</summary>
    public List<Regulars.Regular> RegularVisitors { get; private set; } = [];
    /// <summary>The close button was pressed: the page shows the summary to confirm.</summary>
    public bool Confirming { get; private set; }
    public int WalkIns => Counts.Sum(c => c.Total);
    public int InBand(AgeBand band) => Counts.Sum(c => band switch
    {
        AgeBand.Children => c.Children, AgeBand.Teens => c.Teens, AgeBand.Adults => c.Adults, _ => c.Seniors,
    });

    /// <summary>A request from the page's script (progressive enhancement): the answer is the parts of the page
    /// that changed instead of a redirect. Authorization, antiforgery and validation are the same as for a full post.</summary>
    public bool IsLive => Request.Headers[LiveHeader] == "1";
    public const string LiveHeader = "X-Logbook-Live";

    /// <summary>The name shown with what this user writes in the logbook.</summary>
    private string Actor => checkIns.Actor;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await AccessAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        await ShowAsync(cancellationToken);
        // Who came is personal data: the look is logged, once per visitor shown, before the page is sent.
        await audit.RecordViewAsync(Session, Shown(), cancellationToken);
        return Page();
    }

    /// <summary>The close button: the page again with a summary to confirm (closing itself is the post).</summary>
    public async Task<IActionResult> OnGetCloseAsync(CancellationToken cancellationToken)
    {
        Confirming = true;
        return await OnGetAsync(cancellationToken);
    }

    /// <summary>Type-ahead: only the list of matches, for the script on the page.</summary>
    public async Task<IActionResult> OnGetSearchAsync(CancellationToken cancellationToken)
    {
        if (await AccessAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        await SearchAsync(cancellationToken);
        return Partial("_SearchResults", this);
    }

    /// <summary>The parts of the page that a write changes (<c>_Live</c>), for the page's script after a live check-in
    /// (<see cref="LiveCheckIn"/>), which answers with its message only. Who is on them is a look, and logged.</summary>
    public async Task<IActionResult> OnGetLiveAsync(CancellationToken cancellationToken)
    {
        if (await AccessAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        await ShowAsync(cancellationToken);
        await audit.RecordViewAsync(Session, Shown(), cancellationToken);
        return Partial("_Live", this);
    }

    /// <summary>The check-in as a form post (without the page's script, or when the live check-in falls back to it).
    /// The rules and the work are <see cref="CheckIns"/>'s, the same as the live check-in's.</summary>
    public Task<IActionResult> OnPostCheckInAsync(CancellationToken cancellationToken) => WriteAsync(nameof(PersonId), async () =>
    {
        // Loaded with the session, in the same round trip (see AccessAsync).
        if ((await checkIns.CheckInAsync(Session, checkInPerson, cancellationToken)).Refusal is { } refusal)
        {
            return refusal;
        }
        TempData.Say("{0} is aangemeld.", checkInPerson!.Name);
        return null;
    });

    public Task<IActionResult> OnPostUndoAsync(CancellationToken cancellationToken) => WriteAsync(nameof(RecordId), async () =>
    {
        var checkIn = await db.CheckIns.SingleOrDefaultAsync(c => c.Id == RecordId && c.SessionId == Id, cancellationToken);
        if (checkIn is null)
        {
            // Already undone (a double tap, or another device): nothing to do.
            TempData.Say("Deze aanmelding was al ongedaan gemaakt.");
            return null;
        }
        var name = await db.People.Where(p => p.Id == checkIn.PersonId).Select(p => p.Name).SingleAsync(cancellationToken);
        db.CheckIns.Remove(checkIn);
        Correction(checkIn.PersonId);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De aanmelding van {0} is ongedaan gemaakt.", name);
        return null;
    });

    public Task<IActionResult> OnPostNewPersonAsync(CancellationToken cancellationToken) => WriteAsync(nameof(NewPerson), async () =>
    {
        var person = await PersonRegistration.NewAsync(db, NewPerson.Name, NewPerson.BirthYear, NewPerson.Postcode, cancellationToken);
        var registration = await PersonRegistration.RegisterAsync(db, person,
            new PersonRegistration.Consent(tenant.UserId ?? Guid.Empty, Actor, "Toegevoegd bij het aanmelden"),
            NewPerson.SomeoneElse, time.UtcNow(), cancellationToken);
        if (!registration.Added && !db.SeesWholeRegister && !NewPerson.SomeoneElse
            && registration.Duplicates is [{ Archived: false } only])
        {
            // A volunteer does not see the whole register (docs/decisions/0024). Someone registered elsewhere who gives the
            // same name, birth year and postcode at the door is checked in as that person, not registered twice.
            return await CheckInKnownAsync(only.Id, only.Name, cancellationToken);
        }
        if (!registration.Added)
        {
            // Probably already registered: search for them, unless the user confirms it is someone else.
            Q = person.Name;
            NewPersonDuplicate = true;
            return registration.Duplicates.All(d => d.Archived)
                ? new Refusal("{0} staat al in het register, maar is gearchiveerd. Vraag de coördinator de persoon terug te zetten, of vink aan dat het iemand anders is.", person.Name)
                : new Refusal("{0} staat al in het register. Zoek hieronder en meld aan, of vink aan dat het iemand anders is.", person.Name);
        }
        db.CheckIns.Add(new CheckIn { SessionId = Id, PersonId = person.Id, At = time.UtcNow(), ByName = Actor });
        Correction(person.Id);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("{0} is toegevoegd en aangemeld.", person.Name);
        return null;
    });

    private async Task<Refusal?> CheckInKnownAsync(Guid personId, string name, CancellationToken cancellationToken)
    {
        var participation = await db.Consents.InForce(personId, ConsentPurpose.Participation).FirstOrDefaultAsync(cancellationToken);
        if (participation == false)
        {
            return CheckIns.Withdrawn(name);
        }
        if ((await checkIns.AddAsync(Session, personId, name, cancellationToken)).Refusal is { } refusal)
        {
            return refusal;
        }
        TempData.Say("{0} stond al in het register en is aangemeld.", name);
        return null;
    }

    public Task<IActionResult> OnPostHeadCountAsync(CancellationToken cancellationToken) => WriteAsync(nameof(Count), async () =>
    {
        var count = await checkIns.CountAsync(Session, Count, cancellationToken);
        TempData.Say("{0} bezoekers zonder registratie geteld.", count.Total);
        return null;
    });

    /// <summary>The steppers: one more (a tally of one) or one less (taken from the latest tally of that band).</summary>
    public Task<IActionResult> OnPostStepAsync(CancellationToken cancellationToken) => WriteAsync(nameof(Step), async () =>
    {
        var band = Step.Band!.Value;
        if (Step.Delta > 0)
        {
            var count = new HeadCount { SessionId = Id, At = time.UtcNow(), ByName = Actor };
            HeadCounts.Add(count, band, 1);
            db.HeadCounts.Add(count);
        }
        else
        {
            var latest = await db.HeadCounts.Where(h => h.SessionId == Id && (band == AgeBand.Children ? h.Children > 0
                    : band == AgeBand.Teens ? h.Teens > 0 : band == AgeBand.Adults ? h.Adults > 0 : h.Seniors > 0))
                .OrderByDescending(h => h.At).ThenByDescending(h => h.Id).FirstOrDefaultAsync(cancellationToken);
            if (latest is null)
            {
                return new Refusal(HeadCounts.NoneYet(band));
            }
            HeadCounts.Add(latest, band, -1);
            if (latest.Total == 0)
            {
                db.HeadCounts.Remove(latest);
            }
        }
        Correction(null);
        await db.SaveChangesAsync(cancellationToken);
        var total = await db.HeadCounts.Where(h => h.SessionId == Id).SumAsync(h => band == AgeBand.Children ? h.Children
            : band == AgeBand.Teens ? h.Teens : band == AgeBand.Adults ? h.Adults : h.Seniors, cancellationToken);
        TempData.Say(HeadCounts.Counted(band), total);
        return null;
    });

    public Task<IActionResult> OnPostRemoveHeadCountAsync(CancellationToken cancellationToken) => WriteAsync(nameof(RecordId), async () =>
    {
        var count = await db.HeadCounts.SingleOrDefaultAsync(h => h.Id == RecordId && h.SessionId == Id, cancellationToken);
        if (count is not null)
        {
            db.HeadCounts.Remove(count);
            Correction(null);
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData.Say("De telling is weggehaald.");
        return null;
    });

    public Task<IActionResult> OnPostEntryAsync(CancellationToken cancellationToken) => WriteAsync(nameof(Entry), async () =>
    {
        if (Entry.PersonId is { } personId && !await db.CheckIns.AnyAsync(c => c.SessionId == Id && c.PersonId == personId, cancellationToken))
        {
            return new Refusal("Kies de persoon uit de lijst van aangemelde mensen.");
        }
        db.LogEntries.Add(new LogEntry
        {
            SessionId = Id, Kind = Entry.Kind, Text = (Entry.Text ?? "").Trim(), PersonId = Entry.PersonId,
            ConsentToReport = Entry.Kind == LogEntryKind.Story && Entry.ConsentToReport, At = time.UtcNow(), ByName = Actor,
        });
        Correction(Entry.PersonId);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say(Entry.Kind == LogEntryKind.Story ? "Het verhaal is bewaard." : "De notitie is bewaard.");
        return null;
    });

    public Task<IActionResult> OnPostRemoveEntryAsync(CancellationToken cancellationToken) => WriteAsync(nameof(RecordId), async () =>
    {
        var entry = await db.LogEntries.SingleOrDefaultAsync(e => e.Id == RecordId && e.SessionId == Id, cancellationToken);
        if (entry is not null)
        {
            db.LogEntries.Remove(entry);
            Correction(entry.PersonId);
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData.Say(entry?.Kind == LogEntryKind.Story ? "Het verhaal is weggehaald." : "De notitie is weggehaald.");
        return null;
    });

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken)
    {
        if (await AccessAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        if (LogbookRules.RefuseClose(Session, time.UtcNow()) is { } refusal)
        {
            return await RefuseAsync(refusal);
        }
        Session.ClosedAt = time.UtcNow();
        Session.ClosedByName = Actor;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("Het logboek is afgesloten. Dank u wel!");
        return RedirectToPage("/Logbook/Today");
    }

    /// <summary>The shape of every logbook write: access, the rules of the session, validation of the one
    /// form that was sent, then the work. The work returns a refusal, or null when it is done.</summary>
    private async Task<IActionResult> WriteAsync(string form, Func<Task<Refusal?>> work)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await AccessAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        // Every form on the page is bound; only the one that was sent counts.
        ModelState.KeepOnly(form);
        if (WriteRefusal is { } refusal)
        {
            return await RefuseAsync(refusal);
        }
        if (!ModelState.IsValid)
        {
            return await RefuseAsync(null);
        }
        if (await work() is { } problem)
        {
            return await RefuseAsync(problem);
        }
        if (IsLive)
        {
            // The parts of the page that changed; who is on them is a look, and logged.
            db.ChangeTracker.Clear();
            Q = null;
            await ShowAsync(cancellationToken);
            await audit.RecordViewAsync(Session, Shown(), cancellationToken);
            return Partial("_Live", this);
        }
        return RedirectToPage("/Logbook/Session", new { id = Id });
    }

    /// <summary>Everyone named on the page: checked in, in a story, or on the list of regulars.</summary>
    private IEnumerable<Guid> Shown() => CheckedIn.Select(v => v.PersonId)
        .Concat(Entries.Select(e => e.Entry.PersonId).OfType<Guid>())
        .Concat(RegularVisitors.Select(r => r.PersonId))
        .Distinct();

    /// <summary>After closing, a change is a correction: it gets an extra audit row in the same save.</summary>
    private void Correction(Guid? personId)
    {
        if (Session.IsClosed)
        {
            audit.AddCorrection(Session, personId);
        }
    }

    /// <summary>The page again with the refusal; who is shown on it is a look, and logged.</summary>
    private async Task<IActionResult> RefuseAsync(Refusal? refusal)
    {
        var page = await this.RefuseAsync(db, async () =>
        {
            await ShowAsync(HttpContext.RequestAborted);
            await audit.RecordViewAsync(Session, Shown(), HttpContext.RequestAborted);
        }, refusal);
        if (!IsLive)
        {
            return page;
        }
        var partial = Partial("_Live", this);
        partial.StatusCode = Refusing.Status;
        return partial;
    }

    /// <summary>Loads the session and decides who may do what. Another enterprise's session: 404;
    /// a volunteer at a session they do not host: 403, logged.</summary>
    private async Task<IActionResult?> AccessAsync(CancellationToken cancellationToken)
    {
        // For a check-in, the person (not archived, with the participation consent in force) comes along as two
        // scalar subqueries; for other requests PersonId is empty and they find nothing.
        var personId = PersonId;
        var found = await db.Sessions.Where(s => s.Id == Id)
            .Select(s => new
            {
                Session = s, s.Activity, s.Location,
                PersonName = db.People.Where(p => p.Id == personId && p.ArchivedAt == null).Select(p => p.Name).FirstOrDefault(),
                Participation = db.Consents.InForce(personId, ConsentPurpose.Participation).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        var session = found.Session;
        checkInPerson = CheckIns.PersonOf(personId, found.PersonName, found.Participation);
        if (!checkIns.MayKeep(session, session.Activity!.HostUserId))
        {
            await audit.RecordAttemptAsync(nameof(Session), Id.ToString(), AuditForbiddenResults.ActionOf(Request.Method), "denied");
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Session = session;
        MayCorrect = checkIns.MayCorrect;
        WriteRefusal = checkIns.RefuseWrite(session);
        CanClose = LogbookRules.RefuseClose(session, time.UtcNow()) is null;
        return null;
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        CheckedIn = await db.CheckIns.AsNoTracking().Where(c => c.SessionId == Id)
            .Join(db.People, c => c.PersonId, p => p.Id, (c, p) => new { c, p })
            .OrderByDescending(x => x.c.At)
            .Select(x => new Visitor(x.c.Id, x.p.Id, x.p.Name, x.p.BirthYear, x.p.Postcode, x.c.At))
            .ToListAsync(cancellationToken);
        Counts = await db.HeadCounts.AsNoTracking().Where(h => h.SessionId == Id).OrderBy(h => h.At).ToListAsync(cancellationToken);
        RegularVisitors = await Regulars.OfAsync(db, Session, cancellationToken);
        Entries = await db.LogEntries.AsNoTracking().Where(e => e.SessionId == Id).OrderBy(e => e.At)
            .Select(e => new EntryRow(e, db.People.Where(p => p.Id == e.PersonId).Select(p => p.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        await SearchAsync(cancellationToken);
    }

    private async Task SearchAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            Results = [];
            return;
        }
        Results = await db.People.AsNoTracking().Where(p => p.ArchivedAt == null).Matching(Q)
            .OrderBy(p => p.SearchName).ThenBy(p => p.Id).Take(ResultsShown)
            .Select(p => new Found(p.Id, p.Name, p.BirthYear, p.Postcode, db.CheckIns.Any(c => c.SessionId == Id && c.PersonId == p.Id)))
            .ToListAsync(cancellationToken);
    }

    private CheckIns.Person? checkInPerson;

    public sealed record Visitor(Guid CheckInId, Guid PersonId, string Name, int? BirthYear, string? Postcode, DateTime At);
    public sealed record Found(Guid Id, string Name, int? BirthYear, string? Postcode, bool CheckedIn);
    public sealed record EntryRow(LogEntry Entry, string? PersonName);
}
