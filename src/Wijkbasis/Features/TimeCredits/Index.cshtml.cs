using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.TimeCredits;

/// <summary>The time bank: whether it is on, its bounds, every account with its balance, transfers between accounts,
/// and opening an account for a person in the register.</summary>
public sealed class IndexModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, AuditLog audit, TimeCreditBookings bookings,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 50;

    public sealed record AccountRow(Guid Id, AccountKind Kind, string Name, long Balance);
    public sealed record Candidate(Guid Id, string Name, string? Postcode);

    public sealed class TransferInput
    {
        public Guid? FromAccountId { get; set; }
        public Guid? ToAccountId { get; set; }
        /// <summary>Text, read here: "1,5" or "veel" gets the time bank's own message.</summary>
        public string? Points { get; set; }
        public string? Description { get; set; }
    }

    public sealed class OpenInput
    {
        public Guid? PersonId { get; set; }
    }

    public sealed class BankInput
    {
        [Infrastructure.Localization.AlwaysSent] public bool Enabled { get; set; }
        public string? MinBalance { get; set; }
        public string? MaxBalance { get; set; }
    }

    // Each form has its own input with a fixed prefix (see Logbook/Session): only the form that was sent counts.
    [BindProperty(Name = nameof(Transfer))] public TransferInput Transfer { get; set; } = new();
    [BindProperty(Name = nameof(Open))] public OpenInput Open { get; set; } = new();
    [BindProperty(Name = nameof(Bank))] public BankInput Bank { get; set; } = new();
    /// <summary>The transfer form's one-time key: a double click transfers once (<see cref="FormOnce"/>).</summary>
    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }

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

    public ExportButtons Downloads => new("/TimeCredits/Index", new Dictionary<string, string>(), AsksPurpose: true, Choice, Other);
    private string? Choice { get; set; }
    private string? Other { get; set; }

    /// <summary>The time bank's whole history, every transfer with both accounts by name: the purpose first
    /// (docs/decisions/0025).</summary>
    public Task<IActionResult> OnGetCsvAsync(string? doel, string? anders, CancellationToken cancellationToken) =>
        ExportAsync(ExportFormat.Csv, doel, anders, cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(string? doel, string? anders, CancellationToken cancellationToken) =>
        ExportAsync(ExportFormat.Xlsx, doel, anders, cancellationToken);

    private async Task<IActionResult> ExportAsync(ExportFormat format, string? doel, string? anders, CancellationToken cancellationToken)
    {
        var (purpose, problem, field) = ExportPurpose.Read(doel, anders);
        if (problem is not null)
        {
            (Choice, Other) = (doel, anders);
            await LoadAsync(cancellationToken);
            return this.Refuse(problem, field);
        }
        var accounts = await db.TimeCreditAccounts.AsNoTracking()
            .Select(a => new { a.Id, a.PersonId, Name = a.PersonId == null ? a.Name : db.People.Where(p => p.Id == a.PersonId).Select(p => p.Name).FirstOrDefault() ?? a.Name })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var transfers = await db.TimeCreditTransfers.AsNoTracking().OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        string NameOf(Guid id) => accounts.TryGetValue(id, out var a) ? a.Name : "?";
        ExportColumn[] columns =
        [
            new(localizer["Datum"], ExportKind.Date), new(localizer["Van"]), new(localizer["Naar"]), new(localizer["Aantal punten"], ExportKind.Number),
            new(localizer["Omschrijving"]), new(localizer["Terugboeking van"]), new(localizer["Reden"]), new(localizer["Geboekt door"]),
        ];
        var document = new ExportDocument("tijdbank", new ExportTable(columns, [.. transfers.Select(t => (IReadOnlyList<object?>)
            [t.BookedOn, NameOf(t.FromAccountId), NameOf(t.ToAccountId), t.Points, t.Description, t.ReversesTransferId?.ToString() ?? "", t.Reason ?? "", t.ByName])]));
        var people = transfers.SelectMany(t => new[] { t.FromAccountId, t.ToAccountId }).Distinct()
            .Select(id => accounts.TryGetValue(id, out var a) ? a.PersonId : null).OfType<Guid>();
        await audit.RecordExportAsync("Tijdbank", "alles", document.RowCount, format.Key(), purpose, people, cancellationToken);
        return Export.File(document, format);
    }

    public async Task<IActionResult> OnPostTransferAsync(CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Transfer));
        if (await FormOnce.EarlierAsync(db, FormKey, cancellationToken) is { } earlier)
        {
            return this.SentBefore(earlier);
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        const string field = nameof(Transfer) + "." + nameof(TransferInput.Points);
        if (!long.TryParse(Transfer.Points?.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var points))
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), new("Vul het aantal punten in als heel getal, bijvoorbeeld 2."), field);
        }
        var saved = await FormOnce.SaveAsync(db, FormKey, () => bookings.TransferAsync(Transfer.FromAccountId ?? Guid.Empty,
            Transfer.ToAccountId ?? Guid.Empty, points, Transfer.Description, cancellationToken, alongside: _ =>
            {
                FormOnce.Record(db, time, FormKey, Url.Page("/TimeCredits/Index"));
                return Task.FromResult<Refusal?>(null);
            }), cancellationToken);
        if (saved.Earlier is { } first)
        {
            return this.SentBefore(first);
        }
        var result = saved.Value!;
        if (!result.Done)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), result.Text, field);
        }
        if (points == 1)
        {
            TempData.Say("1 punt is overgeboekt.");
        }
        else
        {
            TempData.Say("{0} punten zijn overgeboekt.", points);
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Open));
        const string field = nameof(Open) + "." + nameof(OpenInput.PersonId);
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        var settings = await bookings.SettingsAsync(cancellationToken);
        if (settings is not { Enabled: true })
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), TimeCreditLedger.Off, field);
        }
        var person = await db.People.AsNoTracking().Where(p => p.Id == Open.PersonId && p.ArchivedAt == null)
            .Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), new("Deze persoon staat niet in het register van deze onderneming."), field);
        }
        db.TimeCreditAccounts.Add(new TimeCreditAccount { Kind = AccountKind.Person, PersonId = person.Id, Name = person.Name, OpenedAt = time.UtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), new("Deze persoon heeft al een rekening."), field);
        }
        TempData.Say("Er is een rekening geopend voor {0}.", person.Name);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Bank));
        if (!ManagesSettings)
        {
            await audit.RecordAttemptAsync("TimeCreditSettings", Request.Path, AuditActions.Update, "denied");
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        const string field = nameof(Bank) + "." + nameof(BankInput.MinBalance);
        var styles = System.Globalization.NumberStyles.AllowLeadingSign;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (!long.TryParse(Bank.MinBalance?.Trim(), styles, culture, out var min) || !long.TryParse(Bank.MaxBalance?.Trim(), styles, culture, out var max))
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), new("Vul het minimum en maximum in als hele getallen, bijvoorbeeld -10 en 40."), field);
        }
        var result = await bookings.SaveSettingsAsync(Bank.Enabled, min, max, cancellationToken);
        if (!result.Done)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), result.Text, field);
        }
        TempData.Say(result.Text.Format, result.Text.Args);
        return RedirectToPage();
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
}
