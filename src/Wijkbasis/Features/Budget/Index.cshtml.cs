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

    // Each form has its own input and a fixed prefix ("Contribution.Amount"): only the form that was sent is validated.
    [BindProperty(Name = nameof(NewPot))] public PotInput NewPot { get; set; } = new();
    [BindProperty(Name = nameof(Contribution))] public ContributionInput Contribution { get; set; } = new();
    [BindProperty(Name = nameof(Approval))] public ApprovalInput Approval { get; set; } = new();
    [BindProperty(Name = nameof(Rejection))] public RejectionInput Rejection { get; set; } = new();
    [BindProperty(Name = nameof(Reversal))] public ReversalInput Reversal { get; set; } = new();
    [BindProperty(Name = nameof(SetMandate))] public MandateInput SetMandate { get; set; } = new();

    /// <summary>The pot shown (?pot=), and the one a change goes back to.</summary>
    public Guid? PotId { get; private set; }

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

    public sealed class PotInput
    {
        public string? Name { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
    }

    public sealed class ContributionInput
    {
        public Guid? PotId { get; set; }
        public FundingSource? Source { get; set; }
        public string? Name { get; set; }
        public string? Amount { get; set; }
    }

    public sealed class ApprovalInput
    {
        public Guid? RequestId { get; set; }
    }

    public sealed class RejectionInput
    {
        public Guid? RequestId { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class ReversalInput
    {
        public Guid? EntryId { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class MandateInput
    {
        public Guid? UserId { get; set; }
        public string? PerSpend { get; set; }
        public string? PerMonth { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? pot, CancellationToken cancellationToken)
    {
        PotId = pot;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostPotAsync(CancellationToken cancellationToken) => ActAsync(nameof(NewPot), ManagesPot, async () =>
    {
        var input = NewPot;
        // Every problem of the form at once (the first is returned, the others go into model state).
        var problems = new List<(string, Refusal)>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > BudgetPot.NameMax)
        {
            problems.Add((Key(nameof(NewPot), nameof(PotInput.Name)), new("Geef de pot een naam (hoogstens {0} tekens).", BudgetPot.NameMax)));
        }
        if (input.StartsOn is null)
        {
            problems.Add((Key(nameof(NewPot), nameof(PotInput.StartsOn)), new("Kies de begindatum.")));
        }
        if (input.EndsOn is null)
        {
            problems.Add((Key(nameof(NewPot), nameof(PotInput.EndsOn)), new("Kies de einddatum.")));
        }
        if (input.StartsOn is { } s0 && input.EndsOn is { } e0 && e0 < s0)
        {
            problems.Add((Key(nameof(NewPot), nameof(PotInput.EndsOn)), new("Kies een begin- en einddatum; het einde ligt na het begin.")));
        }
        if (problems.Count > 0)
        {
            return Several(problems);
        }
        var (starts, ends) = (input.StartsOn!.Value, input.EndsOn!.Value);
        if (ends > starts.AddYears(2) || starts < time.AmsterdamToday().AddYears(-1))
        {
            return (Key(nameof(NewPot), nameof(PotInput.EndsOn)), new("Een pot loopt hoogstens twee jaar en begint niet meer dan een jaar geleden."));
        }
        if (await db.BudgetPots.AnyAsync(p => p.StartsOn <= ends && p.EndsOn >= starts, cancellationToken))
        {
            return (Key(nameof(NewPot), nameof(PotInput.StartsOn)), new("Deze periode overlapt met een pot die er al is. Eén pot per periode: kies andere datums."));
        }
        var pot = new BudgetPot { Name = input.Name!.Trim(), StartsOn = starts, EndsOn = ends, CreatedAt = time.UtcNow() };
        db.BudgetPots.Add(pot);
        await db.SaveChangesAsync(cancellationToken);
        PotId = pot.Id;
        TempData.Say("De pot {0} is geopend.", pot.Name);
        return null;
    }, cancellationToken);

    public Task<IActionResult> OnPostContributionAsync(CancellationToken cancellationToken) => ActAsync(nameof(Contribution), ManagesPot, async () =>
    {
        var input = Contribution;
        PotId = input.PotId;
        var pot = await db.BudgetPots.AsNoTracking().SingleOrDefaultAsync(p => p.Id == input.PotId, cancellationToken);
        if (pot is null)
        {
            return (Key(nameof(Contribution), nameof(ContributionInput.PotId)), new("Kies een pot."));
        }
        var problems = new List<(string, Refusal)>();
        if (input.Source is not { } source || !Enum.IsDefined(source))
        {
            problems.Add((Key(nameof(Contribution), nameof(ContributionInput.Source)), new("Kies de bron.")));
            source = default;
        }
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > LedgerEntry.SourceNameMax)
        {
            problems.Add((Key(nameof(Contribution), nameof(ContributionInput.Name)), new("Vul in van wie het geld komt, bijvoorbeeld de naam van de corporatie of het fonds.")));
        }
        if (!Money.TryParse(input.Amount, out var cents))
        {
            problems.Add((Key(nameof(Contribution), nameof(ContributionInput.Amount)), new("Vul een bedrag in euro’s in, bijvoorbeeld 2.500,00.")));
        }
        if (problems.Count > 0)
        {
            return Several(problems);
        }
        var result = await bookings.ContributeAsync(pot, source, input.Name!, cents, cancellationToken);
        if (result.Outcome == SpendOutcome.Refused)
        {
            return (Key(nameof(Contribution), nameof(ContributionInput.Amount)), result.Message);
        }
        TempData.Say("{0} van {1} is in de pot gestort.", Money.Format(cents), input.Name!.Trim());
        return null;
    }, cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) => ActAsync(nameof(Approval), Approves, async () =>
    {
        var request = await db.SpendRequests.SingleOrDefaultAsync(r => r.Id == Approval.RequestId, cancellationToken);
        if (request is null)
        {
            return ("", Missing);
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

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken) => ActAsync(nameof(Rejection), Approves, async () =>
    {
        var request = await db.SpendRequests.SingleOrDefaultAsync(r => r.Id == Rejection.RequestId, cancellationToken);
        if (request is null)
        {
            return ("", Missing);
        }
        var result = await bookings.RejectAsync(request, Rejection.Reason, cancellationToken);
        if (result.Outcome == SpendOutcome.Refused)
        {
            return (request.Status == SpendRequestStatus.Pending && request.RequestedByUserId != tenant.UserId
                ? Key(nameof(Rejection), nameof(RejectionInput.Reason)) : "", result.Message);
        }
        TempData.Say("De aanvraag is afgewezen.");
        return null;
    }, cancellationToken);

    public Task<IActionResult> OnPostReverseAsync(CancellationToken cancellationToken) => ActAsync(nameof(Reversal), Approves, async () =>
    {
        var result = await bookings.ReverseAsync(Reversal.EntryId ?? Guid.Empty, Reversal.Reason, cancellationToken);
        if (result.Outcome == SpendOutcome.Refused)
        {
            return (Key(nameof(Reversal), nameof(ReversalInput.Reason)), result.Message);
        }
        TempData.Say("De regel is teruggeboekt.");
        return null;
    }, cancellationToken);

    public Task<IActionResult> OnPostMandateAsync(CancellationToken cancellationToken) => ActAsync(nameof(SetMandate), SetsMandates, async () =>
    {
        var input = SetMandate;
        if (input.UserId == tenant.UserId)
        {
            return (Key(nameof(SetMandate), nameof(MandateInput.UserId)), new("U kunt uw eigen mandaat niet instellen. Een andere coördinator doet dat (vier ogen)."));
        }
        if (!await db.Memberships.AnyAsync(m => m.UserId == input.UserId && (m.Role == Roles.Buddy || m.Role == Roles.Wijkverbinder), cancellationToken))
        {
            return (Key(nameof(SetMandate), nameof(MandateInput.UserId)), new("Een mandaat is voor een buddy of wijkverbinder van deze onderneming."));
        }
        if (!Money.TryParse(input.PerSpend, out var perSpend) || !Money.TryParse(input.PerMonth, out var perMonth))
        {
            return (Key(nameof(SetMandate), nameof(MandateInput.PerSpend)), new("Vul twee bedragen in euro’s in."));
        }
        if (SpendRules.CheckMandate(perSpend, perMonth) is { } problem)
        {
            return (Key(nameof(SetMandate), nameof(MandateInput.PerSpend)), problem);
        }
        var mandate = await db.Mandates.SingleOrDefaultAsync(m => m.UserId == input.UserId, cancellationToken);
        if (mandate is null)
        {
            mandate = new Mandate { UserId = input.UserId!.Value, SetByName = "" };
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

    private static readonly Refusal Missing = new("Deze aanvraag bestaat niet (meer).");

    private static string Key(string form, string field) => $"{form}.{field}";

    /// <summary>Runs a change allowed to this role only (else 403, audited); a refusal shows the page again with it (400).</summary>
    /// <summary>Several problems of one form: all but the first go into model state now, the first is returned (so
    /// <see cref="ActAsync"/> refuses with all of them at once).</summary>
    private (string Key, Refusal Refusal) Several(List<(string Key, Refusal Refusal)> problems)
    {
        foreach (var (key, refusal) in problems.Skip(1))
        {
            ModelState.AddRefusal(key, refusal);
        }
        return problems[0];
    }

    private async Task<IActionResult> ActAsync(string form, bool allowed, Func<Task<(string Key, Refusal Refusal)?>> work, CancellationToken cancellationToken)
    {
        if (!allowed)
        {
            await audit.RecordAttemptAsync("Budget", Request.Path, AuditActions.Update, "denied");
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        // Every form on the page is bound; only the one that was sent counts.
        ModelState.KeepOnly(form);
        (string Key, Refusal Refusal)? problem;
        try
        {
            problem = await work();
        }
        catch (DbUpdateConcurrencyException)
        {
            problem = ("", new("Iemand anders heeft dit net gewijzigd. Kijk of uw wijziging nog nodig is."));
        }
        if (problem is { } p)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), p.Refusal, p.Key);
        }
        return RedirectToPage("/Budget/Index", new { pot = PotId });
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
            // The approver reads the note to decide: a look at each request, audited in one go.
            await audit.RecordViewsAsync(pending, cancellationToken);
            Pending = pending.Select(r => new PendingView(r, cipher.Open(r.Note, r, nameof(SpendRequest.Note)))).ToList();
        }
        if (SetsMandates)
        {
            var people = await db.Memberships.AsNoTracking().Where(m => m.Role == Roles.Buddy || m.Role == Roles.Wijkverbinder)
                .Select(m => new { m.UserId, m.User!.DisplayName, m.Role }).ToListAsync(cancellationToken);
            var mandates = await db.Mandates.AsNoTracking().ToDictionaryAsync(m => m.UserId, cancellationToken);
            var today = time.AmsterdamToday();
            var spent = await bookings.SpentOnOwnMandateAsync(people.Select(p => p.UserId).Distinct().ToList(), today, cancellationToken);
            Mandates = people.GroupBy(p => p.UserId).OrderBy(g => g.First().DisplayName)
                .Select(g => new MandateRow(g.Key, g.First().DisplayName, string.Join(", ", g.Select(p => Roles.Label(p.Role))),
                    mandates.GetValueOrDefault(g.Key), spent[g.Key]))
                .ToList();
        }
    }
}
