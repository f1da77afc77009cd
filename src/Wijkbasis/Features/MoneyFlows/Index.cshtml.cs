using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.MoneyFlows;

/// <summary>A year of the enterprise's money: income per source, spending per category, totals and how much of the
/// spending stays in the neighbourhood. Also the year's lines as a CSV file.</summary>
public sealed class IndexModel(WijkbasisDb db, TimeProvider time) : PageModel
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

    /// <summary>The year's lines, reversals included, for a spreadsheet: semicolons and decimal commas (as Dutch Excel
    /// reads them), UTF-8 with a byte-order mark.</summary>
    public async Task<IActionResult> OnGetCsvAsync(int? jaar, CancellationToken cancellationToken)
    {
        await PickYearAsync(jaar, cancellationToken);
        var lines = await YearLines().OrderBy(l => l.BookedOn).ThenBy(l => l.Id).AsNoTracking().ToListAsync(cancellationToken);
        var csv = new StringBuilder();
        csv.Append("datum;soort;bron of categorie;tegenpartij;omschrijving;bedrag;blijft in de wijk;terugboeking van;reden;geboekt door\r\n");
        var dutch = CultureInfo.GetCultureInfo("nl-NL");
        foreach (var l in lines)
        {
            string[] cells =
            [
                l.BookedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                l.Direction == MoneyDirection.Income ? "inkomsten" : "uitgaven",
                l.Source is { } s ? MoneyRules.Label(s) : MoneyRules.Label(l.Category!.Value),
                l.Counterparty, l.Description ?? "",
                (l.AmountCents / 100m).ToString("0.00", dutch),
                l.Local is null ? "nee" : MoneyRules.Label(l.Local),
                l.ReversesLineId?.ToString() ?? "", l.Reason ?? "", l.ByName,
            ];
            csv.Append(string.Join(';', cells.Select((c, i) => i == 5 ? c : Csv.Cell(c)))).Append("\r\n");
        }
        return File(Csv.Bytes(csv), "text/csv; charset=utf-8", $"geldstromen-{Year}.csv");
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
