using System.Globalization;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.MunicipalView;

/// <summary>The texts of a municipal table, computed once from the cube: the page and its CSV show exactly these, so
/// they hold the same values and the same hidden cells.</summary>
public sealed record MunicipalTable(IReadOnlyList<string> Header, IReadOnlyList<MunicipalTableRow> Rows, MunicipalTableRow Total)
{
    /// <summary>The mark of every hidden cell, whatever the reason (docs/decisions/0016).</summary>
    public const string Hidden = "•";

    public static string Text(Indicator indicator, CubeCell cell)
    {
        if (cell.State != CellState.Shown)
        {
            return Hidden;
        }
        if (cell.Figure.Shown(indicator) is not { } value)
        {
            return "–";
        }
        var nl = CultureInfo.GetCultureInfo("nl-NL");
        return indicator.Unit switch
        {
            IndicatorUnit.Share => value.ToString("0.0", nl) + "%",
            IndicatorUnit.Euros => "€ " + value.ToString("N2", nl),
            IndicatorUnit.Hours or IndicatorUnit.Average => value.ToString("N1", nl),
            IndicatorUnit.Index => Wijkbasis.Features.Report.ReportFormat.IndexText(value),
            _ => value.ToString("N0", nl),
        };
    }

    /// <summary>One row per unit of the view, the period and the previous period beside it, then the period's parts.</summary>
    public static MunicipalTable Units(Indicator indicator, MunicipalCube cube, MunicipalCube previousCube, UnitKind kind,
        ImpactPeriod period, Func<string, string> label, CultureInfo culture)
    {
        var previous = period.Previous;
        List<string> header = [label(KindLabel(kind)), period.LabelIn(culture), label("Periode ervoor") + " (" + previous.LabelIn(culture) + ")"];
        header.AddRange(indicator.Parts.Select(p => label(p.Label)));
        MunicipalTableRow Row(CubeUnit unit)
        {
            List<string> cells =
            [
                Text(indicator, cube.Cell(indicator, unit, period)),
                previousCube.FindUnit(unit.Kind, unit.Key) is { } before ? Text(indicator, previousCube.Cell(indicator, before, previous)) : "–",
            ];
            cells.AddRange(indicator.Parts.Select(p => Text(indicator, cube.Cell(indicator, unit, period, p.Key))));
            return new MunicipalTableRow(NameOf(unit, label), cells);
        }
        return new MunicipalTable(header, [.. cube.UnitsOf(kind).Select(Row)], Row(cube.UnitsOf(UnitKind.Total).Single()));
    }

    /// <summary>The municipality's total per month of the cube's year.</summary>
    public static MunicipalTable Trend(Indicator indicator, MunicipalCube cube, Func<string, string> label, CultureInfo culture)
    {
        var total = cube.UnitsOf(UnitKind.Total).Single();
        var months = Enumerable.Range(1, 12).Select(m => ImpactPeriod.Month(cube.Year, m))
            .Select(p => new MunicipalTableRow(p.LabelIn(culture), [Text(indicator, cube.Cell(indicator, total, p))])).ToList();
        return new MunicipalTable([label("Maand"), label(indicator.Name)], months,
            new MunicipalTableRow(cube.Year.ToString(CultureInfo.InvariantCulture), [Text(indicator, cube.Cell(indicator, total, ImpactPeriod.Year(cube.Year)))]));
    }

    /// <summary>A unit's name; the ones the cube names itself (the whole municipality, the unknown wijk and buurt) are texts to translate.</summary>
    public static string NameOf(CubeUnit unit, Func<string, string> label) =>
        unit.Kind == UnitKind.Total || unit.Key == CubeUnit.UnknownKey ? label(unit.Name) : unit.Name;

    public static string KindLabel(UnitKind kind) => kind switch
    {
        UnitKind.Enterprise => "Onderneming",
        UnitKind.Wijk => "Wijk",
        UnitKind.Buurt => "Buurt",
        _ => "Gemeente",
    };

    /// <summary>The same cells as the page, as texts (a hidden cell keeps its mark), through the one export mechanism.</summary>
    public ExportDocument Document(string fileName) =>
        new(fileName, new ExportTable([.. Header.Select(h => new ExportColumn(h))],
            [.. Rows.Append(Total).Select(r => (IReadOnlyList<object?>)[r.Name, .. r.Cells])]));
}

public sealed record MunicipalTableRow(string Name, IReadOnlyList<string> Cells);
