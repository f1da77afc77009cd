using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.MoneyFlows;

/// <summary>A year of the enterprise's money: income per source, spending per category, totals and how much of the
/// spending stays in the neighbourhood. Also the year's lines as a CSV file.</summary>
public sealed class IndexModel(WijkbasisDb db, TimeProvider time, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public int Year { get; private set; }
    public List<int> Years { get; private set; } = [];
    public YearOverview Overview { get; private set; } = YearOverview.Compute(0, []);
    public Dictionary<LocalKind, long> LocalByKind { get; private set; } = [];

    public async Task OnGetAsync(int? jaar, CancellationToken cancellationToken)
    {
        await PickYearAsync(jaar, cancellationToken);
        var lines = await YearLines().Select(l => new MoneyLine
        {
            Direction = l.Direction, Source = l.Source, Category = l.Category, BookedOn = l.BookedOn, AmountCents = l.AmountCents,
            Local = l.Local, ReversesLineId = l.ReversesLineId, Counterparty = "", ByName = "",
        }).ToListAsync(cancellationToken);
        Overview = YearOverview.Compute(Year, lines);
        LocalByKind = lines.Where(l => l.Direction == MoneyDirection.Spending && l.Local is not null)
            .GroupBy(l => l.Local!.Value).ToDictionary(g => g.Key, g => g.Sum(l => l.AmountCents));
    }

    /// <summary>The year's lines, reversals included, as CSV or XLSX through the one export mechanism
    /// (docs/decisions/0025). Amounts and sources, no people's data: audited, no purpose asked.</summary>
    public Task<IActionResult> OnGetCsvAsync(int? jaar, CancellationToken cancellationToken) => ExportAsync(jaar, ExportFormat.Csv, cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(int? jaar, CancellationToken cancellationToken) => ExportAsync(jaar, ExportFormat.Xlsx, cancellationToken);

    private async Task<IActionResult> ExportAsync(int? jaar, ExportFormat format, CancellationToken cancellationToken)
    {
        await PickYearAsync(jaar, cancellationToken);
        var lines = await YearLines().OrderBy(l => l.BookedOn).ThenBy(l => l.Id).AsNoTracking().ToListAsync(cancellationToken);
        ExportColumn[] columns =
        [
            new(localizer["Datum"], ExportKind.Date), new(localizer["Soort"]), new(localizer["Bron of categorie"]), new(localizer["Tegenpartij"]),
            new(localizer["Omschrijving"]), new(localizer["Bedrag"], ExportKind.Money), new(localizer["Blijft in de wijk"]),
            new(localizer["Terugboeking van"]), new(localizer["Reden"]), new(localizer["Geboekt door"]),
        ];
        var rows = lines.Select(l => (IReadOnlyList<object?>)
        [
            l.BookedOn,
            l.Direction == MoneyDirection.Income ? "inkomsten" : "uitgaven",
            l.Source is { } s ? MoneyRules.Label(s) : MoneyRules.Label(l.Category!.Value),
            l.Counterparty, l.Description ?? "",
            l.AmountCents / 100m,
            l.Local is null ? "nee" : MoneyRules.Label(l.Local),
            l.ReversesLineId?.ToString() ?? "", l.Reason ?? "", l.ByName,
        ]).ToList();
        var document = new ExportDocument($"geldstromen-{Year}", new ExportTable(columns, rows));
        await audit.RecordExportAsync("Geldstromen", $"jaar={Year}", document.RowCount, format.Key(), null, [], cancellationToken);
        return Export.File(document, format);
    }

    private IQueryable<MoneyLine> YearLines()
    {
        var first = new DateOnly(Year, 1, 1);
        var next = first.AddYears(1);
        return db.MoneyLines.Where(l => l.BookedOn >= first && l.BookedOn < next);
    }

    private async Task PickYearAsync(int? requested, CancellationToken cancellationToken)
    {
        var thisYear = time.AmsterdamToday().Year;
        var earliest = await db.MoneyLines.MinAsync(l => (DateOnly?)l.BookedOn, cancellationToken);
        var from = Math.Min(earliest?.Year ?? thisYear, thisYear);
        Years = Enumerable.Range(from, thisYear - from + 1).Reverse().ToList();
        Year = requested is { } y && y >= MoneyRules.EarliestDate.Year && y <= thisYear ? y : thisYear;
    }
}
