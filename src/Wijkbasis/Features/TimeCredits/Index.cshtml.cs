using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.TimeCredits;

/// <summary>The time bank: whether it is on, its bounds, every account with its balance, transfers between accounts,
/// and opening an account for a person in the register.</summary>
public sealed class IndexModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, AuditLog audit, TimeCreditBookings bookings) : PageModel
{
    public const int PageSize = 50;

    public sealed record AccountRow(Guid Id, AccountKind Kind, string Name, long Balance);
    public sealed record Candidate(Guid Id, string Name, string? Postcode);

    [BindProperty(Name = "FromAccountId")] public Guid? FromAccountId { get; set; }
    [BindProperty(Name = "ToAccountId")] public Guid? ToAccountId { get; set; }
    [BindProperty(Name = "Points")] public string? Points { get; set; }
    [BindProperty(Name = "Description")] public string? Description { get; set; }
    [BindProperty(Name = "PersonId")] public Guid? PersonId { get; set; }
    [BindProperty(Name = "Enabled")] public bool Enabled { get; set; }
    [BindProperty(Name = "MinBalance")] public string? MinBalance { get; set; }
    [BindProperty(Name = "MaxBalance")] public string? MaxBalance { get; set; }

    [BindProperty(SupportsGet = true, Name = "zoek")] public string? Zoek { get; set; }
    [BindProperty(SupportsGet = true, Name = "persoon")] public string? PersonSearch { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int Pagina { get; set; } = 1;

    public TimeCreditSettings? Settings { get; private set; }
    public bool IsOn => Settings?.Enabled == true;
    public List<AccountRow> Accounts { get; private set; } = [];
    /// <summary>Every account of the enterprise, for the transfer form.</summary>
    public List<AccountRow> AllAccounts { get; private set; } = [];
    public long SumOfBalances { get; private set; }
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<Candidate> Candidates { get; private set; } = [];
    public bool ManagesSettings => tenant.IsInRole(Roles.Coordinator);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostTransferAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!long.TryParse(Points?.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var points))
        {
            return await ProblemAsync("Points", "Vul het aantal punten in als heel getal, bijvoorbeeld 2.", cancellationToken);
        }
        var result = await bookings.TransferAsync(FromAccountId ?? Guid.Empty, ToAccountId ?? Guid.Empty, points, Description, cancellationToken);
        if (!result.Done)
        {
            return await ProblemAsync("Points", result.Message, cancellationToken);
        }
        TempData.Say("{0} zijn overgeboekt.", TimeCreditLedger.FormatPoints(points));
        return Redirect($"/{tenant.Slug}/tijdbank");
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var settings = await bookings.SettingsAsync(cancellationToken);
        if (settings is not { Enabled: true })
        {
            return await ProblemAsync("PersonId", TimeCreditLedger.OffMessage, cancellationToken);
        }
        var person = await db.People.AsNoTracking().Where(p => p.Id == PersonId && p.ArchivedAt == null)
            .Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return await ProblemAsync("PersonId", "Deze persoon staat niet in het register van deze onderneming.", cancellationToken);
        }
        db.TimeCreditAccounts.Add(new TimeCreditAccount { Kind = AccountKind.Person, PersonId = person.Id, Name = person.Name, OpenedAt = time.UtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return await ProblemAsync("PersonId", "Deze persoon heeft al een rekening.", cancellationToken);
        }
        TempData.Say("Er is een rekening geopend voor {0}.", person.Name);
        return Redirect($"/{tenant.Slug}/tijdbank");
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!ManagesSettings)
        {
            await audit.RecordAttemptAsync("TimeCreditSettings", Request.Path, AuditActions.Update, "denied");
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var styles = System.Globalization.NumberStyles.AllowLeadingSign;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (!long.TryParse(MinBalance?.Trim(), styles, culture, out var min) || !long.TryParse(MaxBalance?.Trim(), styles, culture, out var max))
        {
            return await ProblemAsync("MinBalance", "Vul het minimum en maximum in als hele getallen, bijvoorbeeld -10 en 40.", cancellationToken);
        }
        var result = await bookings.SaveSettingsAsync(Enabled, min, max, cancellationToken);
        if (!result.Done)
        {
            return await ProblemAsync("MinBalance", result.Message, cancellationToken);
        }
        TempData.Say(result.Message);
        return Redirect($"/{tenant.Slug}/tijdbank");
    }

    private async Task<IActionResult> ProblemAsync(string key, string message, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(key, message);
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Settings = await bookings.SettingsAsync(cancellationToken);
        var balances = await db.TimeCreditMovements.GroupBy(m => m.AccountId).Select(g => new { AccountId = g.Key, Balance = g.Sum(m => m.Points) })
            .ToDictionaryAsync(b => b.AccountId, b => b.Balance, cancellationToken);
        var accounts = await db.TimeCreditAccounts.AsNoTracking()
            .Select(a => new
            {
                a.Id, a.Kind,
                Name = a.PersonId == null ? a.Name : db.People.Where(p => p.Id == a.PersonId).Select(p => p.Name).FirstOrDefault() ?? a.Name,
            })
            .ToListAsync(cancellationToken);
        AllAccounts = accounts.OrderBy(a => a.Kind == AccountKind.Enterprise ? 0 : 1).ThenBy(a => a.Name, StringComparer.CurrentCulture)
            .Select(a => new AccountRow(a.Id, a.Kind, a.Name, balances.GetValueOrDefault(a.Id))).ToList();
        SumOfBalances = AllAccounts.Sum(a => a.Balance);
        var shown = AllAccounts.AsEnumerable();
        if (!string.IsNullOrWhiteSpace(Zoek))
        {
            shown = shown.Where(a => a.Name.Contains(Zoek.Trim(), StringComparison.CurrentCultureIgnoreCase));
        }
        var list = shown.ToList();
        Total = list.Count;
        Pagina = Math.Clamp(Pagina, 1, Pages);
        Accounts = list.Skip((Pagina - 1) * PageSize).Take(PageSize).ToList();
        if (IsOn && !string.IsNullOrWhiteSpace(PersonSearch))
        {
            var term = PersonSearch.Trim().ToLowerInvariant();
            Candidates = await db.People.AsNoTracking()
                .Where(p => p.ArchivedAt == null && p.SearchName.Contains(term) && !db.TimeCreditAccounts.Any(a => a.PersonId == p.Id))
                .OrderBy(p => p.SearchName).Take(10).Select(p => new Candidate(p.Id, p.Name, p.Postcode)).ToListAsync(cancellationToken);
        }
    }

    public string PageUrl(int page) => $"/{tenant.Slug}/tijdbank?zoek={Uri.EscapeDataString(Zoek ?? "")}&pagina={page}";
}
