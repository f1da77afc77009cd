using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Volunteers;

/// <summary>Hours per person per role for a year or one month of it, with totals; and the same as CSV.</summary>
public sealed class OverviewModel(WijkbasisDb db, TimeProvider time, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "jaar")] public int? YearAsked { get; set; }
    [BindProperty(SupportsGet = true, Name = "maand")] public int? MonthAsked { get; set; }

    public sealed record Line(Guid PersonId, string Name, string Role, long Minutes, int Entries);
    public List<Line> Lines { get; private set; } = [];
    public int Year { get; private set; }
    public int? Month { get; private set; }
    public long Total => Lines.Sum(l => l.Minutes);

    public string PeriodName => Month is { } m
        ? new DateOnly(Year, m, 1).ToString("MMMM yyyy", CultureInfo.CurrentCulture)
        : Year.ToString(CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The overview as CSV or XLSX (docs/decisions/0025): hours by name, so the purpose is asked first.</summary>
    public Task<IActionResult> OnGetCsvAsync(string? doel, string? anders, CancellationToken cancellationToken) =>
        ExportAsync(ExportFormat.Csv, doel, anders, cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(string? doel, string? anders, CancellationToken cancellationToken) =>
        ExportAsync(ExportFormat.Xlsx, doel, anders, cancellationToken);

    public ExportButtons Downloads => new("/Volunteers/Overview",
        new Dictionary<string, string> { ["jaar"] = Year.ToString(CultureInfo.InvariantCulture), ["maand"] = Month?.ToString(CultureInfo.InvariantCulture) ?? "" },
        AsksPurpose: true, Choice, Other);

    private string? Choice { get; set; }
    private string? Other { get; set; }

    private async Task<IActionResult> ExportAsync(ExportFormat format, string? doel, string? anders, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var (purpose, problem, field) = ExportPurpose.Read(doel, anders);
        if (problem is not null)
        {
            (Choice, Other) = (doel, anders);
            return this.Refuse(problem, field);
        }
        var period = Month is { } m ? $"{Year}-{m:00}" : Year.ToString(CultureInfo.InvariantCulture);
        ExportColumn[] columns =
        [
            new(localizer["Naam"]), new(localizer["Rol"]), new(localizer["Uren"]),
            new(localizer["Minuten"], ExportKind.Number), new(localizer["Keren"], ExportKind.Number),
        ];
        var document = new ExportDocument($"uren-{period}", new ExportTable(columns,
            [.. Lines.Select(l => (IReadOnlyList<object?>)[l.Name, l.Role, VolunteerRules.Format(l.Minutes), l.Minutes, l.Entries])]));
        await audit.RecordExportAsync("Vrijwilligersuren", $"periode={period}", document.RowCount, format.Key(), purpose,
            Lines.Select(l => l.PersonId), cancellationToken);
        return Export.File(document, format);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = time.AmsterdamToday();
        Year = YearAsked is > 2000 and < 2100 ? YearAsked.Value : today.Year;
        Month = MonthAsked is >= 1 and <= 12 ? MonthAsked : null;
        var from = new DateOnly(Year, Month ?? 1, 1);
        var until = Month is null ? from.AddYears(1) : from.AddMonths(1);
        var grouped = await db.VolunteerHours.AsNoTracking().Where(h => h.WorkedOn >= from && h.WorkedOn < until)
            .GroupBy(h => new { h.PersonId, h.RoleId })
            .Select(g => new { g.Key.PersonId, g.Key.RoleId, Minutes = g.Sum(h => (long)h.Minutes), Entries = g.Count() })
            .ToListAsync(cancellationToken);
        var personIds = grouped.Select(g => g.PersonId).Distinct().ToList();
        var names = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var roles = await db.VolunteerRoles.ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        Lines = grouped.Select(g => new Line(g.PersonId, names.GetValueOrDefault(g.PersonId, "?"), roles.GetValueOrDefault(g.RoleId, "?"), g.Minutes, g.Entries))
            .OrderBy(l => l.Name, StringComparer.CurrentCulture).ThenBy(l => l.PersonId).ThenBy(l => l.Role, StringComparer.CurrentCulture).ToList();
    }
}
