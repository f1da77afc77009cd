using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.MunicipalView;

/// <summary>One indicator for one month, quarter or year: a table of the enterprises, wijken or buurten with the
/// previous period beside it and the municipality's total, the year's monthly trend, and both as CSV. Every cell comes
/// from the year's suppressed cube. A parameter it cannot read is refused (400), never replaced by a default.</summary>
public sealed class FiguresModel(WijkbasisDb db, MunicipalCubeLoader loader, TimeProvider time, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    public static readonly IReadOnlyDictionary<string, UnitKind> Views = new Dictionary<string, UnitKind>(StringComparer.Ordinal)
    {
        ["ondernemingen"] = UnitKind.Enterprise,
        ["wijken"] = UnitKind.Wijk,
        ["buurten"] = UnitKind.Buurt,
    };

    /// <summary>How many years back the analyst can look (the current year and three before it).</summary>
    public const int YearsBack = 3;

    public string Municipality { get; private set; } = "";
    public Indicator? Indicator { get; private set; }
    public string View { get; private set; } = "ondernemingen";
    public ImpactPeriod Period { get; private set; }
    public int ThisYear { get; private set; }
    /// <summary>The period's year cube as loaded (while it is computed for the first time, the page says so).</summary>
    public CubeLoad? Load { get; private set; }
    public MunicipalTable? Table { get; private set; }
    public MunicipalTable? Trend { get; private set; }
    /// <summary>The trend's months for the chart: the value when shown, null when hidden or nothing to divide.</summary>
    public IReadOnlyList<Bar> Bars { get; private set; } = [];

    public sealed record Bar(int Month, decimal? Value, string Text);

    public async Task<IActionResult> OnGetAsync(string? indicator, string? weergave, string? periode, string? format,
        CancellationToken cancellationToken)
    {
        var id = MunicipalCubeLoader.MunicipalityOf(User)!.Value;
        Municipality = await db.Municipalities.Where(m => m.Id == id).Select(m => m.Name).SingleAsync(cancellationToken);
        ThisYear = time.AmsterdamToday().Year;
        if (Read(indicator, weergave, periode, format) is { } refusal)
        {
            return this.Refuse(refusal);
        }
        Load = await loader.LoadAsync(id, Period.From.Year, cancellationToken);
        var previousLoad = Period.Previous.From.Year == Period.From.Year ? Load : await loader.LoadAsync(id, Period.Previous.From.Year, cancellationToken);
        if (Load.Cube is not { } cube || previousLoad.Cube is not { } previous)
        {
            // Both years are being computed; the page says so and offers to look again.
            Load = Load with { Cube = null, Computing = true };
            return Page();
        }
        string Label(string text) => localizer[text];
        Table = MunicipalTable.Units(Indicator!, cube, previous, Views[View], Period, Label, CultureInfo.CurrentCulture);
        Trend = MunicipalTable.Trend(Indicator!, cube, Label, CultureInfo.CurrentCulture);
        var total = cube.UnitsOf(UnitKind.Total).Single();
        Bars = [.. Enumerable.Range(1, 12).Select(m =>
        {
            var cell = cube.Cell(Indicator!, total, ImpactPeriod.Month(cube.Year, m));
            return new Bar(m, cell.State == CellState.Shown ? cell.Figure.Shown(Indicator!) : null, MunicipalTable.Text(Indicator!, cell));
        })];
        return format switch
        {
            "csv" => Export.File(Table.Document($"{Indicator!.Id}-{View}-{Period.Key}"), ExportFormat.Csv),
            "xlsx" => Export.File(Table.Document($"{Indicator!.Id}-{View}-{Period.Key}"), ExportFormat.Xlsx),
            "trend-csv" => Export.File(Trend.Document($"{Indicator!.Id}-trend-{cube.Year}"), ExportFormat.Csv),
            "trend-xlsx" => Export.File(Trend.Document($"{Indicator!.Id}-trend-{cube.Year}"), ExportFormat.Xlsx),
            _ => Page(),
        };
    }

    /// <summary>Reads the parameters; a missing view or period means the enterprises and this year (the links always
    /// name both), anything present that is not one of the choices is refused.</summary>
    private Refusal? Read(string? indicator, string? weergave, string? periode, string? format)
    {
        if (string.IsNullOrWhiteSpace(indicator) || !IndicatorRegistry.ById.TryGetValue(indicator, out var chosen))
        {
            return new Refusal("Dit cijfer bestaat niet. Kies een cijfer op de pagina van de gemeente.");
        }
        Indicator = chosen;
        if (weergave is not null && !Views.ContainsKey(weergave))
        {
            return new Refusal("Kies als weergave ondernemingen, wijken of buurten.");
        }
        View = weergave ?? "ondernemingen";
        if (format is not null and not "csv" and not "xlsx" and not "trend-csv" and not "trend-xlsx")
        {
            return new Refusal("Dit soort download bestaat niet.");
        }
        if (periode is null)
        {
            Period = ImpactPeriod.Year(ThisYear);
            return null;
        }
        if (ImpactPeriod.Parse(periode) is not { } period || period.Kind == PeriodKind.Custom)
        {
            return new Refusal("Kies een maand (2026-03), een kwartaal (2026-Q1) of een jaar (2026). Een periode van–tot kan hier niet.");
        }
        if (period.From.Year < ThisYear - YearsBack || period.From.Year > ThisYear)
        {
            return new Refusal("Kies een periode van {0} tot en met {1}.", ThisYear - YearsBack, ThisYear);
        }
        Period = period;
        return null;
    }

    /// <summary>Every period the analyst can choose, newest first: per year the year, its quarters and its months.</summary>
    public IEnumerable<ImpactPeriod> Periods() =>
        Enumerable.Range(ThisYear - YearsBack, YearsBack + 1).Reverse()
            .SelectMany(y => Enumerable.Range(0, MunicipalCube.Times).Select(t => MunicipalCube.PeriodOf(y, t)));
}
