using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Budget;

/// <summary>The neighbourhood pot: what came in from which source, what went out for what, requests above a
/// mandate waiting for four eyes, mandates, and new pots. No resident is named here: spends point to a case.</summary>
public sealed class IndexModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, FieldCipher cipher, AuditLog audit, PotBookings bookings)
    : PageModel
{
    public sealed record SourceRow(FundingSource Source, string Name, long Contributed, long ShareSpent);
    /// <summary>What a case got from the pot, net of reversals; <see cref="MayOpen"/> when this user may open the case.</summary>
    public sealed record CaseRow(Guid CaseId, string Reference, long Spent, int Spends, DateOnly LastOn, bool MayOpen);
    public sealed record PendingView(SpendRequest Request, string? Note);
    public sealed record MandateRow(Guid UserId, string Name, string Roles, Mandate? Mandate, long SpentThisMonth);

    [BindProperty(Name = "PotId")] public Guid? PotId { get; set; }
    [BindProperty(Name = "Name")] public string? Name { get; set; }
    [BindProperty(Name = "StartsOn")] public DateOnly? StartsOn { get; set; }
    [BindProperty(Name = "EndsOn")] public DateOnly? EndsOn { get; set; }
    [BindProperty(Name = "Source")] public FundingSource? Source { get; set; }
    [BindProperty(Name = "Amount")] public string? Amount { get; set; }
    [BindProperty(Name = "PerMonth")] public string? PerMonth { get; set; }
    [BindProperty(Name = "UserId")] public Guid? UserId { get; set; }
    [BindProperty(Name = "RequestId")] public Guid? RequestId { get; set; }
    [BindProperty(Name = "EntryId")] public Guid? EntryId { get; set; }
    [BindProperty(Name = "Reason")] public string? Reason { get; set; }

    public List<BudgetPot> Pots { get; private set; } = [];
    public BudgetPot? Pot { get; private set; }
    public long Balance { get; private set; }
    public long Contributed { get; private set; }
    public long Spent { get; private set; }
    public List<SourceRow> Sources { get; private set; } = [];
    public Dictionary<SpendPurpose, long> ByPurpose { get; private set; } = [];
    public List<CaseRow> ByCase { get; private set; } = [];
    public List<LedgerEntry> Lines { get; private set; } = [];
    public HashSet<Guid> Reversed { get; private set; } = [];
    public List<PendingView> Pending { get; private set; } = [];
    public List<MandateRow> Mandates { get; private set; } = [];

    public bool ManagesPot => tenant.IsInRole(Roles.Coordinator) || tenant.IsInRole(Roles.BudgetApprover);
    public bool Approves => tenant.IsInRole(Roles.BudgetApprover);
    public bool SetsMandates => tenant.IsInRole(Roles.Coordinator);

    public async Task<IActionResult> OnGetAsync(Guid? pot, CancellationToken cancellationToken)
    {
        PotId = pot;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostPotAsync(CancellationToken cancellationToken) => ActAsync(ManagesPot, async () =>
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > BudgetPot.NameMax)
        {
            return ("Name", $"Geef de pot een naam (hoogstens {BudgetPot.NameMax} tekens).");
        }
        if (StartsOn is not { } starts || EndsOn is not { } ends || ends < starts)
        {
            return ("EndsOn", "Kies een begin- en einddatum; het einde ligt na het begin.");
        }
        if (ends > starts.AddYears(2) || starts < time.AmsterdamToday().AddYears(-1))
        {
            return ("EndsOn", "Een pot loopt hoogstens twee jaar en begint niet meer dan een jaar geleden.");
        }
        if (await db.BudgetPots.AnyAsync(p => p.StartsOn <= ends && p.EndsOn >= starts, cancellationToken))
        {
            return ("StartsOn", "Deze periode overlapt met een pot die er al is. Eén pot per periode: kies andere datums.");
        }
        var pot = new BudgetPot { Name = Name.Trim(), StartsOn = starts, EndsOn = ends, CreatedAt = time.UtcNow() };
        db.BudgetPots.Add(pot);
        await db.SaveChangesAsync(cancellationToken);
        PotId = pot.Id;
        TempData.Say("De pot {0} is geopend.", pot.Name);
        return null;
    }, cancellationToken);

    public Task<IActionResult> OnPostContributionAsync(CancellationToken cancellationToken) => ActAsync(ManagesPot, async () =>
    {
        var pot = await db.BudgetPots.AsNoTracking().SingleOrDefaultAsync(p => p.Id == PotId, cancellationToken);
        if (pot is null)
        {
            return ("PotId", "Kies een pot.");
        }
        if (Source is not { } source || !Enum.IsDefined(source))
        {
            return ("Source", "Kies de bron.");
        }
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > LedgerEntry.SourceNameMax)
        {
            return ("Name", "Vul in van wie het geld komt, bijvoorbeeld de naam van de corporatie of het fonds.");
        }
        if (!Money.TryParse(Amount, out var cents))
        {
            return ("Amount", "Vul een bedrag in euro’s in, bijvoorbeeld 2.500,00.");
        }
        var result = await bookings.ContributeAsync(pot, source, Name, cents, cancellationToken);
        if (result.Outcome == SpendOutcome.Refused)
        {
            return ("Amount", result.Message);
        }
        TempData.Say("{0} van {1} is in de pot gestort.", Money.Format(cents), Name.Trim());
        return null;
    }, cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) => ActAsync(Approves, async () =>
    {
        var request = await db.SpendRequests.SingleOrDefaultAsync(r => r.Id == RequestId, cancellationToken);
        if (request is null)
        {
            return ("", "Deze aanvraag bestaat niet (meer).");
        }
        var result = await bookings.ApproveAsync(request, cancellationToken);
        if (result.Outcome == SpendOutcome.Refused)
        {
            return ("", result.Message);
        }
        PotId = request.PotId;
        TempData.Say("{0} is goedgekeurd en geboekt.", Money.Format(request.AmountCents));
        return null;
    }, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken) => ActAsync(Approves, async () =>
    {
        var request = await db.SpendRequests.SingleOrDefaultAsync(r => r.Id == RequestId, cancellationToken);
        if (request is not { Status: SpendRequestStatus.Pending })
        {
            return ("", "Over deze aanvraag is al beslist.");
        }
        if (request.RequestedByUserId == tenant.UserId)
        {
            return ("", "U kunt over uw eigen aanvraag niet beslissen. Een andere budgetbeheerder beslist (vier ogen).");
        }
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Length > Ledger.ReasonMax)
        {
            return ("Reason", $"Schrijf kort op waarom niet (hoogstens {Ledger.ReasonMax} tekens).");
        }
        request.Status = SpendRequestStatus.Rejected;
        request.DecidedByUserId = tenant.UserId;
        request.DecidedByName = tenant.DisplayName;
        request.DecidedAt = time.UtcNow();
        request.DecisionReason = cipher.Seal(Reason.Trim(), request, nameof(SpendRequest.DecisionReason));
        request.Version++;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De aanvraag is afgewezen.");
        return null;
    }, cancellationToken);

    public Task<IActionResult> OnPostReverseAsync(CancellationToken cancellationToken) => ActAsync(Approves, async () =>
    {
        var result = await bookings.ReverseAsync(EntryId ?? Guid.Empty, Reason, cancellationToken);
        if (result.Outcome == SpendOutcome.Refused)
        {
            return ("Reason", result.Message);
        }
        TempData.Say("De regel is teruggeboekt.");
        return null;
    }, cancellationToken);

    public Task<IActionResult> OnPostMandateAsync(CancellationToken cancellationToken) => ActAsync(SetsMandates, async () =>
    {
        if (UserId == tenant.UserId)
        {
            return ("UserId", "U kunt uw eigen mandaat niet instellen. Een andere coördinator doet dat (vier ogen).");
        }
        if (!await db.Memberships.AnyAsync(m => m.UserId == UserId && (m.Role == Roles.Buddy || m.Role == Roles.Wijkverbinder), cancellationToken))
        {
            return ("UserId", "Een mandaat is voor een buddy of wijkverbinder van deze onderneming.");
        }
        if (!Money.TryParse(Amount, out var perSpend) || !Money.TryParse(PerMonth, out var perMonth))
        {
            return ("Amount", "Vul twee bedragen in euro’s in.");
        }
        if (SpendRules.CheckMandate(perSpend, perMonth) is { } problem)
        {
            return ("Amount", problem);
        }
        var mandate = await db.Mandates.SingleOrDefaultAsync(m => m.UserId == UserId, cancellationToken);
        if (mandate is null)
        {
            mandate = new Mandate { UserId = UserId!.Value, SetByName = "" };
            db.Mandates.Add(mandate);
        }
        mandate.PerSpendCents = perSpend;
        mandate.PerMonthCents = perMonth;
        mandate.SetByName = tenant.DisplayName;
        mandate.SetAt = time.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("Het mandaat is opgeslagen.");
        return null;
    }, cancellationToken);

    /// <summary>Runs a change allowed to this role only (else 403, audited); a problem shows the page with the message.</summary>
    private async Task<IActionResult> ActAsync(bool allowed, Func<Task<(string Key, string Message)?>> work, CancellationToken cancellationToken)
    {
        if (!allowed)
        {
            await audit.RecordAttemptAsync("Budget", Request.Path, AuditActions.Update, "denied");
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        (string Key, string Message)? problem;
        try
        {
            problem = await work();
        }
        catch (DbUpdateConcurrencyException)
        {
            problem = ("", "Iemand anders heeft dit net gewijzigd. Kijk of uw wijziging nog nodig is.");
        }
        if (problem is { } p)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(p.Key, p.Message);
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/{tenant.Slug}/budget{(PotId is { } id ? $"?pot={id}" : "")}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Pots = await db.BudgetPots.AsNoTracking().OrderByDescending(p => p.StartsOn).ToListAsync(cancellationToken);
        Pot = Pots.FirstOrDefault(p => p.Id == PotId) ?? await bookings.CurrentPotAsync(cancellationToken) ?? Pots.FirstOrDefault();
        if (Pot is { } pot)
        {
            Lines = await db.LedgerEntries.AsNoTracking().Where(e => e.PotId == pot.Id).OrderByDescending(e => e.At).ToListAsync(cancellationToken);
            Reversed = Lines.Where(e => e.ReversesEntryId is not null).Select(e => e.ReversesEntryId!.Value).ToHashSet();
            Balance = Ledger.Balance(Lines);
            Contributed = Lines.Where(e => e.Source is not null).Sum(e => e.AmountCents);
            Spent = -Lines.Where(e => e.Purpose is not null && e.Source is null).Sum(e => e.AmountCents);
            ByPurpose = Lines.Where(e => e.Purpose is not null && e.Source is null).GroupBy(e => e.Purpose!.Value)
                .ToDictionary(g => g.Key, g => -g.Sum(e => e.AmountCents));
            // Spending is not tied to a source ("zonder schotten"); each source's share of it is shown pro rata.
            Sources = Lines.Where(e => e.Source is not null).GroupBy(e => (e.Source!.Value, e.SourceName ?? ""))
                .Select(g => (g.Key, Sum: g.Sum(e => e.AmountCents)))
                .Where(g => g.Sum != 0)
                .Select(g => new SourceRow(g.Key.Value, g.Key.Item2, g.Sum, Contributed == 0 ? 0 : (long)Math.Round((decimal)Spent * g.Sum / Contributed)))
                .OrderByDescending(s => s.Contributed).ToList();
            // Per case by reference, not by name: the pot's managers see what went where, not to whom.
            var spends = Lines.Where(e => e.CaseId is not null && e.Source is null).ToList();
            var caseIds = spends.Select(e => e.CaseId!.Value).Distinct().ToList();
            var visible = (await db.Cases.Where(c => caseIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
            ByCase = spends.GroupBy(e => e.CaseId!.Value)
                .Select(g => new CaseRow(g.Key, Cases.Case.ReferenceOf(g.Key), -g.Sum(e => e.AmountCents), g.Count(e => e.Kind == LedgerKind.Spend),
                    g.Max(e => e.BookedOn), visible.Contains(g.Key)))
                .OrderByDescending(r => r.Spent).ThenBy(r => r.Reference, StringComparer.Ordinal).ToList();
        }
        if (Approves)
        {
            var pending = await db.SpendRequests.AsNoTracking().Where(r => r.Status == SpendRequestStatus.Pending)
                .OrderBy(r => r.RequestedAt).ToListAsync(cancellationToken);
            foreach (var r in pending)
            {
                // The approver reads the note to decide: a look at the request.
                await audit.RecordViewAsync(r, cancellationToken);
                Pending.Add(new PendingView(r, cipher.Open(r.Note, r, nameof(SpendRequest.Note))));
            }
        }
        if (SetsMandates)
        {
            var people = await db.Memberships.AsNoTracking().Where(m => m.Role == Roles.Buddy || m.Role == Roles.Wijkverbinder)
                .Select(m => new { m.UserId, m.User!.DisplayName, m.Role }).ToListAsync(cancellationToken);
            var mandates = await db.Mandates.AsNoTracking().ToDictionaryAsync(m => m.UserId, cancellationToken);
            var today = time.AmsterdamToday();
            foreach (var g in people.GroupBy(p => p.UserId).OrderBy(g => g.First().DisplayName))
            {
                var spent = await bookings.SpentOnOwnMandateAsync(g.Key, today, cancellationToken);
                Mandates.Add(new MandateRow(g.Key, g.First().DisplayName, string.Join(", ", g.Select(p => Roles.Label(p.Role))),
                    mandates.GetValueOrDefault(g.Key), spent));
            }
        }
    }
}
