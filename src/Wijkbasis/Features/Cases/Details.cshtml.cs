using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Budget;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Cases;

/// <summary>A case: the contact log, goals and tasks, money spent from the pot, a transfer, and closing it.</summary>
public sealed class DetailsModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, FieldCipher cipher, AuditLog audit, PotBookings bookings)
    : PageModel
{
    public sealed record ContactView(CaseContact Contact, string? Note);
    public sealed record ItemView(CaseItem Item, string? Text);
    /// <summary>One spend or request; <see cref="State"/> is a translatable text (see <see cref="LocalText"/>).</summary>
    public sealed record SpendView(DateTime At, long AmountCents, SpendPurpose? Purpose, string? Note, string ByName, string State);

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public sealed class ContactInput
    {
        public DateOnly? On { get; set; }
        public ContactKind? Kind { get; set; }
        public string? Text { get; set; }
    }

    public sealed class TaskInput
    {
        public string? Text { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    public sealed class DoneInput
    {
        public Guid? ItemId { get; set; }
    }

    public sealed class SpendInput
    {
        public string? Amount { get; set; }
        public SpendPurpose? Purpose { get; set; }
        public string? Text { get; set; }
    }

    public sealed class TransferInput
    {
        public Guid? BuddyId { get; set; }
        public string? Text { get; set; }
    }

    public sealed class CloseInput
    {
        public CaseOutcome? Outcome { get; set; }
        public Dictionary<string, string?> Zrm { get; set; } = [];
        public string? Text { get; set; }
    }

    // Each form has its own input and a fixed prefix ("Spend.Amount"): only the form that was sent is validated.
    [BindProperty(Name = nameof(Contact))] public ContactInput Contact { get; set; } = new();
    [BindProperty(Name = nameof(NewTask))] public TaskInput NewTask { get; set; } = new();
    [BindProperty(Name = nameof(Done))] public DoneInput Done { get; set; } = new();
    [BindProperty(Name = nameof(Spend))] public SpendInput Spend { get; set; } = new();
    /// <summary>The spend form's one-time key: a double click spends once (<see cref="FormOnce"/>).</summary>
    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }
    [BindProperty(Name = nameof(Transfer))] public TransferInput Transfer { get; set; } = new();
    [BindProperty(Name = nameof(Closing))] public CloseInput Closing { get; set; } = new();
    /// <summary>The case's version the form was shown with: a change made meanwhile (a close, a transfer, another
    /// entry) makes this write conflict instead of slipping onto a case the writer did not see.</summary>
    [BindProperty(Name = VersionField)] public int? SeenVersion { get; set; }

    public Case Case { get; private set; } = null!;
    public string PersonName { get; private set; } = "";
    public string OwnerName { get; private set; } = "";
    public string? TransferToName { get; private set; }
    public string? TransferReason { get; private set; }
    public List<ContactView> Contacts { get; private set; } = [];
    public List<ItemView> Items { get; private set; } = [];
    public List<SpendView> Spends { get; private set; } = [];
    /// <summary>What the pot paid for this resident, reversals taken off.</summary>
    public long SpentCents { get; private set; }
    public List<(Guid Id, string Name)> OtherBuddies { get; private set; } = [];
    public ZrmScores IntakeZrm { get; private set; } = new();
    public ZrmScores? ClosingZrm { get; private set; }
    public string? OutcomeNote { get; private set; }
    public long? PotBalance { get; private set; }
    public MandateLimits? Mandate { get; private set; }

    /// <summary>The responsible buddy, the wijkverbinder who did the intake, and a caseworker work on the case;
    /// a buddy receiving a transfer only reads it until they accept.</summary>
    public bool MayWork => Case.OwnerUserId == tenant.UserId || Case.CreatedByUserId == tenant.UserId || tenant.IsInRole(Roles.Caseworker);
    public bool IsReceiver => Case.TransferToUserId == tenant.UserId;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostContactAsync(CancellationToken cancellationToken) => WorkAsync(nameof(Contact), async () =>
    {
        var today = time.AmsterdamToday();
        var input = Contact;
        if (input.On is not { } on || on > today || on < DateOnly.FromDateTime(Case.OpenedAt.ToAmsterdam()).AddDays(-1))
        {
            return (Key(nameof(Contact), nameof(ContactInput.On)), new("Kies een datum vanaf de dag voor de start van de casus tot en met vandaag."));
        }
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return (Key(nameof(Contact), nameof(ContactInput.Kind)), new("Kies wat voor contact het was."));
        }
        if (input.Text is { Length: > CaseContact.NoteMax })
        {
            return (Key(nameof(Contact), nameof(ContactInput.Text)), new("De notitie is te lang (hoogstens {0} tekens).", CaseContact.NoteMax));
        }
        var contact = new CaseContact { CaseId = Case.Id, PersonId = Case.PersonId, On = on, Kind = kind, ByUserId = tenant.UserId, ByName = tenant.DisplayName, At = time.UtcNow() };
        contact.Note = cipher.Seal(input.Text?.Trim(), contact, nameof(CaseContact.Note));
        db.CaseContacts.Add(contact);
        var at = Clock.FromAmsterdam(on, new TimeOnly(12, 0));
        if (Case.LastContactAt is null || Case.LastContactAt < at)
        {
            Case.LastContactAt = at;
        }
        Case.Version++;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("Het contact is vastgelegd.");
        return null;
    }, cancellationToken);

    public Task<IActionResult> OnPostTaskAsync(CancellationToken cancellationToken) => WorkAsync(nameof(NewTask), async () =>
    {
        var input = NewTask;
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            return (Key(nameof(NewTask), nameof(TaskInput.Text)), new("Schrijf op wat er moet gebeuren."));
        }
        if (input.Text.Length > CaseItem.TextMax)
        {
            return (Key(nameof(NewTask), nameof(TaskInput.Text)), new("De taak is te lang (hoogstens {0} tekens).", CaseItem.TextMax));
        }
        if (input.DueOn is { } due && (due < time.AmsterdamToday().AddDays(-7) || due > time.AmsterdamToday().AddYears(2)))
        {
            return (Key(nameof(NewTask), nameof(TaskInput.DueOn)), new("Kies een datum tussen vorige week en twee jaar vooruit."));
        }
        var item = new CaseItem { CaseId = Case.Id, PersonId = Case.PersonId, DueOn = input.DueOn, ByName = tenant.DisplayName, CreatedAt = time.UtcNow() };
        item.Text = cipher.Seal(input.Text.Trim(), item, nameof(CaseItem.Text));
        db.CaseItems.Add(item);
        Case.Version++;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De taak is toegevoegd.");
        return null;
    }, cancellationToken);

    public Task<IActionResult> OnPostDoneAsync(CancellationToken cancellationToken) => WorkAsync(nameof(Done), async () =>
    {
        var item = await db.CaseItems.SingleOrDefaultAsync(i => i.Id == Done.ItemId && i.CaseId == Case.Id, cancellationToken);
        if (item is null)
        {
            return ("", new("Deze taak of dit doel bestaat niet (meer)."));
        }
        item.DoneAt = item.DoneAt is null ? time.UtcNow() : null;
        Case.Version++;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say(item.DoneAt is null ? "Weer open gezet." : "Afgevinkt.");
        return null;
    }, cancellationToken);

    public Task<IActionResult> OnPostSpendAsync(CancellationToken cancellationToken) => WorkAsync(nameof(Spend), async () =>
    {
        var input = Spend;
        if (await FormOnce.EarlierAsync(db, FormKey, cancellationToken) is not null)
        {
            TempData.Say(FormOnce.SentBeforeText);
            return null;
        }
        if (!Money.TryParse(input.Amount, out var cents))
        {
            return (Key(nameof(Spend), nameof(SpendInput.Amount)), new("Vul een bedrag in euro’s in, bijvoorbeeld 35,00."));
        }
        if (input.Purpose is not { } purpose)
        {
            return (Key(nameof(Spend), nameof(SpendInput.Purpose)), new("Kies waarvoor het geld is."));
        }
        var saved = await FormOnce.SaveAsync(db, FormKey, () => bookings.SpendAsync(Case, cents, purpose, input.Text, cancellationToken,
            () => FormOnce.Record(db, time, FormKey, Url.Page("/Cases/Details", new { id = Id }))), cancellationToken);
        if (saved.Earlier is not null)
        {
            TempData.Say(FormOnce.SentBeforeText);
            return null;
        }
        var result = saved.Value!;
        if (result.Outcome == SpendOutcome.Refused)
        {
            return (Key(nameof(Spend), nameof(SpendInput.Amount)), result.Message);
        }
        TempData.Say(result.Outcome == SpendOutcome.Approved
            ? "{0} is uitgegeven. Binnen uw mandaat: meteen toegekend."
            : await db.Mandates.AllAsync(m => m.UserId != tenant.UserId, cancellationToken)
                ? "{0} is aangevraagd. U heeft geen mandaat: een budgetbeheerder beslist."
                : "{0} is aangevraagd. Het is boven uw mandaat: een budgetbeheerder beslist.", Money.Format(cents));
        return null;
    }, cancellationToken);

    public Task<IActionResult> OnPostTransferAsync(CancellationToken cancellationToken) => WorkAsync(nameof(Transfer), async () =>
    {
        var input = Transfer;
        var buddy = await db.Buddies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == input.BuddyId && b.ArchivedAt == null, cancellationToken);
        if (buddy is null)
        {
            // Both problems of the form at once: the buddy, and the reason when it is empty too.
            if (string.IsNullOrWhiteSpace(input.Text))
            {
                ModelState.AddRefusal(Key(nameof(Transfer), nameof(TransferInput.Text)), new Refusal("Schrijf op waarom de bewoner naar een andere buddy gaat."));
            }
            return (Key(nameof(Transfer), nameof(TransferInput.BuddyId)), new("Kies een buddy."));
        }
        if (buddy.Id != Case.OwnerBuddyId && await BuddyPool.BlockerNowAsync(db, buddy.Id, time.AmsterdamToday(), cancellationToken) is { } blocker)
        {
            return (Key(nameof(Transfer), nameof(TransferInput.BuddyId)), blocker);
        }
        if (Case.RequestTransfer(buddy.Id, buddy.UserId, input.Text, tenant.DisplayName, time.UtcNow(),
                reason => cipher.Seal(reason, Case, nameof(Case.TransferReason))) is { } problem)
        {
            var aboutReason = problem.Format.Contains("reden", StringComparison.OrdinalIgnoreCase) || problem.Format.Contains("waarom", StringComparison.Ordinal);
            return (Key(nameof(Transfer), aboutReason ? nameof(TransferInput.Text) : nameof(TransferInput.BuddyId)), problem);
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("{0} is gevraagd de bewoner over te nemen. Tot die accepteert, blijft de huidige buddy verantwoordelijk.", buddy.Name);
        return null;
    }, cancellationToken);

    public Task<IActionResult> OnPostWithdrawTransferAsync(CancellationToken cancellationToken) => WorkAsync(null, async () =>
    {
        if (Case.EndTransfer(tenant.UserId ?? Guid.Empty, mayWithdraw: true) is { } problem)
        {
            return ("", problem);
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De overdracht is ingetrokken.");
        return null;
    }, cancellationToken);

    public Task<IActionResult> OnPostAcceptTransferAsync(CancellationToken cancellationToken) => AnswerTransferAsync(accept: true, cancellationToken);

    public Task<IActionResult> OnPostDeclineTransferAsync(CancellationToken cancellationToken) => AnswerTransferAsync(accept: false, cancellationToken);

    private async Task<IActionResult> AnswerTransferAsync(bool accept, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken, tracked: true))
        {
            return NotFound();
        }
        // No form of its own: nothing else that was posted counts.
        ModelState.Clear();
        var me = tenant.UserId ?? Guid.Empty;
        if (accept && IsReceiver && await BuddyPool.BlockerNowAsync(db, Case.TransferToBuddyId!.Value, time.AmsterdamToday(), cancellationToken) is { } blocker)
        {
            return await RefuseAsync(blocker, cancellationToken);
        }
        var problem = accept ? Case.AcceptTransfer(me) : Case.EndTransfer(me, mayWithdraw: false);
        if (problem is not null)
        {
            return await RefuseAsync(problem, cancellationToken);
        }
        if (await SaveOrRefuseAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        TempData.Say(accept ? "U bent nu de buddy van deze bewoner." : "U heeft de overdracht afgewezen. De huidige buddy blijft verantwoordelijk.");
        return accept ? RedirectToPage("/Cases/Details", new { id = Id }) : RedirectToPage("/Cases/Mine");
    }

    public Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken) => WorkAsync(nameof(Closing), async () =>
    {
        var input = Closing;
        await OpenIntakeZrmAsync(cancellationToken);
        if (input.Text is { Length: > CaseContact.NoteMax })
        {
            return (Key(nameof(Closing), nameof(CloseInput.Text)), new("De toelichting is te lang (hoogstens {0} tekens).", CaseContact.NoteMax));
        }
        var scores = new ZrmScores();
        foreach (var (name, value) in input.Zrm.Where(z => !string.IsNullOrWhiteSpace(z.Value)))
        {
            if (!Enum.TryParse<ZrmDomain>(name, out var domain) || !IntakeZrm.Scores.ContainsKey(domain))
            {
                return (Key(nameof(Closing), nameof(CloseInput.Zrm)), new("Scoor bij het afsluiten alleen de domeinen van de intake."));
            }
            if (!int.TryParse(value, out var level) || scores.Set(domain, level) is not null)
            {
                return ($"{Key(nameof(Closing), nameof(CloseInput.Zrm))}[{name}]", new("Kies bij {0} een niveau van 1 tot en met 5.", Intakes.Zrm.Name(domain)));
            }
        }
        if (Case.Close(input.Outcome, time.UtcNow()) is { } problem)
        {
            return (Key(nameof(Closing), nameof(CloseInput.Outcome)), problem);
        }
        Case.OutcomeNote = cipher.Seal(input.Text?.Trim(), Case, nameof(Case.OutcomeNote));
        // Requests for money that still wait are withdrawn with the case.
        foreach (var waiting in await db.SpendRequests.Where(r => r.CaseId == Case.Id && r.Status == SpendRequestStatus.Pending).ToListAsync(cancellationToken))
        {
            waiting.Status = SpendRequestStatus.Withdrawn;
            waiting.DecidedAt = time.UtcNow();
            waiting.DecidedByName = tenant.DisplayName;
            waiting.Version++;
        }
        Case.ClosingZrm = scores.IsEmpty ? null : cipher.Seal(scores.ToJson(), Case, nameof(Case.ClosingZrm));
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De casus is afgesloten.");
        return null;
    }, cancellationToken);

    private static string Key(string form, string field) => $"{form}.{field}";

    /// <summary>Loads the case for a change by someone who works on it; a closed case refuses every change.
    /// <paramref name="form"/> is the input of the form that was sent (what else was posted does not count; null: the form
    /// has no input but the version).</summary>
    private async Task<IActionResult> WorkAsync(string? form, Func<Task<(string Key, Refusal Refusal)?>> work, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken, tracked: true))
        {
            return NotFound();
        }
        if (!MayWork)
        {
            await audit.RecordAttemptAsync(nameof(Case), Id.ToString(), AuditActions.Update, "denied");
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        foreach (var key in ModelState.Keys.Where(k => k != VersionField && (form is null || (k != form && !k.StartsWith(form + ".", StringComparison.Ordinal)))).ToList())
        {
            ModelState.Remove(key);
        }
        if (Case.IsClosed)
        {
            ModelState.Clear();
            return await RefuseAsync(Case.Closed, cancellationToken);
        }
        // A value that could not even be read (a date typed as "morgen") is refused, not dropped: the write would
        // otherwise go through without it.
        if (!ModelState.IsValid)
        {
            return await RefuseAsync(null, cancellationToken);
        }
        // Every write to the case, its contact log or its items raises Case.Version; saving checks it against the
        // version the writer saw, so of a write and a concurrent close (or edit) only one gets through.
        if (SeenVersion is { } seen)
        {
            db.Entry(Case).Property(c => c.Version).OriginalValue = seen;
        }
        (string Key, Refusal Refusal)? problem;
        try
        {
            problem = await work();
        }
        catch (DbUpdateConcurrencyException)
        {
            problem = ("", Conflict);
        }
        if (problem is { } p)
        {
            return await RefuseAsync(p.Refusal, cancellationToken, p.Key);
        }
        return RedirectToPage("/Cases/Details", new { id = Id });
    }

    /// <summary>The name of the hidden field with the case's version in every form.</summary>
    public const string VersionField = "Version";

    private static readonly Refusal Conflict = new("Iemand anders heeft deze casus net gewijzigd. Kijk of uw wijziging nog nodig is.");

    private async Task<IActionResult?> SaveOrRefuseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RefuseAsync(Conflict, cancellationToken);
        }
    }

    private Task<IActionResult> RefuseAsync(Refusal? refusal, CancellationToken cancellationToken, string key = "") =>
        this.RefuseAsync(db, () => LoadAsync(cancellationToken), refusal, key);

    /// <summary>The intake's ZRM (for the re-assessment at closing): a look at the intake, audited first.</summary>
    private async Task OpenIntakeZrmAsync(CancellationToken cancellationToken)
    {
        var intake = await db.Intakes.AsNoTracking().SingleAsync(i => i.Id == Case.IntakeId, cancellationToken);
        if (intake.Zrm is not null)
        {
            await audit.RecordViewAsync(intake, cancellationToken);
        }
        IntakeZrm = ZrmScores.FromJson(cipher.Open(intake.Zrm, intake, nameof(Intake.Zrm)));
    }

    /// <summary>Loads the case through the access filter (not yours: 404) and audits the look before showing it.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken, bool tracked = false)
    {
        var query = tracked ? db.Cases : db.Cases.AsNoTracking();
        if (await query.SingleOrDefaultAsync(c => c.Id == Id, cancellationToken) is not { } found)
        {
            return false;
        }
        Case = found;
        if (tracked)
        {
            return true;
        }
        await audit.RecordViewAsync(found, cancellationToken);
        PersonName = await db.People.Where(p => p.Id == found.PersonId).Select(p => p.Name).SingleAsync(cancellationToken);
        var names = await db.Buddies.AsNoTracking().Where(b => b.Id == found.OwnerBuddyId || b.Id == found.TransferToBuddyId)
            .ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        OwnerName = names.GetValueOrDefault(found.OwnerBuddyId, "?");
        TransferToName = found.TransferToBuddyId is { } to ? names.GetValueOrDefault(to) : null;
        TransferReason = cipher.Open(found.TransferReason, found, nameof(Case.TransferReason));
        if (!MayWork)
        {
            // A buddy asked to take over sees who and why, not the file, until they accept.
            return true;
        }
        await OpenIntakeZrmAsync(cancellationToken);
        Contacts = (await db.CaseContacts.AsNoTracking().Where(c => c.CaseId == Id).OrderByDescending(c => c.On).ThenByDescending(c => c.At)
            .ToListAsync(cancellationToken)).Select(c => new ContactView(c, cipher.Open(c.Note, c, nameof(CaseContact.Note)))).ToList();
        Items = (await db.CaseItems.AsNoTracking().Where(i => i.CaseId == Id).OrderBy(i => i.DoneAt != null).ThenBy(i => i.DueOn).ThenBy(i => i.CreatedAt)
            .ToListAsync(cancellationToken)).Select(i => new ItemView(i, cipher.Open(i.Text, i, nameof(CaseItem.Text)))).ToList();
        var lines = await db.LedgerEntries.AsNoTracking().Where(e => e.CaseId == Id && e.Kind != LedgerKind.Contribution)
            .OrderByDescending(e => e.At).ToListAsync(cancellationToken);
        SpentCents = -lines.Sum(e => e.AmountCents);
        var requests = await db.SpendRequests.AsNoTracking().Where(r => r.CaseId == Id && r.Status != SpendRequestStatus.Approved)
            .OrderByDescending(r => r.RequestedAt).ToListAsync(cancellationToken);
        Spends = lines.Select(e => new SpendView(e.At, -e.AmountCents, e.Purpose, cipher.Open(e.Note, e, nameof(LedgerEntry.Note)), e.ByName,
                e.Kind == LedgerKind.Reversal ? "teruggeboekt" : e.ApprovedByName is null ? "binnen mandaat" : LocalText.Encode("goedgekeurd door {0}", e.ApprovedByName)))
            .Concat(requests.Select(r => new SpendView(r.RequestedAt, r.AmountCents, r.Purpose, cipher.Open(r.Note, r, nameof(SpendRequest.Note)),
                r.RequestedByName, r.Status switch
                {
                    SpendRequestStatus.Pending => "wacht op een budgetbeheerder",
                    SpendRequestStatus.Rejected => LocalText.Encode("afgewezen: {0}", cipher.Open(r.DecisionReason, r, nameof(SpendRequest.DecisionReason))),
                    _ => "ingetrokken",
                })))
            .OrderByDescending(s => s.At).ToList();
        ClosingZrm = found.ClosingZrm is null ? null : ZrmScores.FromJson(cipher.Open(found.ClosingZrm, found, nameof(Case.ClosingZrm)));
        OutcomeNote = cipher.Open(found.OutcomeNote, found, nameof(Case.OutcomeNote));
        if (!found.IsClosed)
        {
            OtherBuddies = (await db.Buddies.AsNoTracking().Where(b => b.ArchivedAt == null && b.Id != found.OwnerBuddyId)
                .OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(cancellationToken)).Select(b => (b.Id, b.Name)).ToList();
            if (await bookings.CurrentPotAsync(cancellationToken) is { } pot)
            {
                PotBalance = await bookings.BalanceAsync(pot.Id, cancellationToken);
            }
            Mandate = await db.Mandates.Where(m => m.UserId == tenant.UserId).Select(m => m.Limits).SingleOrDefaultAsync(cancellationToken);
        }
        return true;
    }
}
