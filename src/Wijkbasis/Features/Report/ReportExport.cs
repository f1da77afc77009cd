using System.Globalization;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Report;

/// <summary>One table of the report as the page shows it: a title (its caption), column heads and rows; a cell is
/// a text or a number (euros, hours and percentages as their bare number, so a spreadsheet can sum them).</summary>
public sealed record ReportTable(string Sheet, string Title, IReadOnlyList<string> Heads, IReadOnlyList<IReadOnlyList<object?>> Rows, int TextColumns = 2);

/// <summary>Every table on the report, for CSV and XLSX: per section its key figures, the parts of a figure, and the
/// data of every trend chart; then the targets of agreements against their actuals. Always in Dutch, like the PDF.</summary>
public static class ReportExport
{
    public static IReadOnlyList<ReportTable> Tables(ReportContent report)
    {
        var tables = new List<ReportTable>();
        foreach (var section in report.Sections)
        {
            tables.Add(new ReportTable(section.Name, section.Name + ": kerncijfers",
                ["Cijfer", "Eenheid", report.PeriodLabel, report.PreviousLabel, "Verschil"],
                section.Figures.Select(f => (IReadOnlyList<object?>)[f.Name, UnitName(f.Unit), f.Current, f.Previous, f.Current - f.Previous]).ToList()));
            foreach (var figure in section.Figures.Where(f => f.Parts.Count > 0))
            {
                tables.Add(new ReportTable(section.Name, figure.Name, ["Deel", "Eenheid", report.PeriodLabel, report.PreviousLabel, "Verschil"],
                    figure.Parts.Select(p => (IReadOnlyList<object?>)[p.Label, UnitName(figure.Unit), p.Current, p.Previous, p.Current - p.Previous]).ToList()));
            }
            foreach (var figure in section.Figures.Where(f => f.HasTrend))
            {
                tables.Add(new ReportTable(section.Name, figure.Name + " per maand", ["Maand", "Eenheid", figure.Name],
                    figure.Trend.Select(p => (IReadOnlyList<object?>)[p.FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture), UnitName(figure.Unit), p.Value]).ToList()));
            }
        }
        if (report.Targets is { Count: > 0 } targets)
        {
            // Text columns first (the document makes the first two text, the rest numbers).
            tables.Add(new ReportTable("Doelen", "Doelen uit afspraken", ["Afspraak en cijfer", "Periode", "Streefcijfer", "Werkelijk", "Verschil"],
                targets.SelectMany(line => line.Points.Select(p => (IReadOnlyList<object?>)
                [
                    $"{line.Agreement} ({line.Funder}): {line.IndicatorName}", p.PeriodLabel, p.Target, p.Actual, p.Actual - p.Target,
                ])).ToList()));
        }
        if (report.Selections is { Count: > 0 } selections)
        {
            // A story without consent for publication goes out as a placeholder, never as its text.
            tables.Add(new ReportTable("Verhalen", ReportPdf.SelectionsTitle, ["Domein", "Verteld op", "Verhaal", "Waarom gekozen", "Gekozen door"],
                selections.Select(s => (IReadOnlyList<object?>)
                [
                    s.DomainLabel, s.ToldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Text ?? Stories.StoryRules.NotPublishable, s.Reasons, s.Group,
                ]).ToList(), TextColumns: 5));
        }
        return tables;
    }

    public static string UnitName(Impact.IndicatorUnit unit) => unit switch
    {
        Impact.IndicatorUnit.Persons => "personen",
        Impact.IndicatorUnit.Count => "aantal",
        Impact.IndicatorUnit.Hours => "uren",
        Impact.IndicatorUnit.Euros => "euro",
        Impact.IndicatorUnit.Points => "punten",
        Impact.IndicatorUnit.Share => "procent",
        Impact.IndicatorUnit.Index => "index (−1 tot +1)",
        _ => "gemiddelde",
    };

    /// <summary>The report as one export document (docs/decisions/0025): its tables with their titles, a worksheet per
    /// section; the CSV starts with a heading line naming the enterprise and the period.</summary>
    public static ExportDocument Document(ReportContent report, string enterprise, string fileName) =>
        new(fileName, [.. Tables(report).Select(t => new ExportTable(
            [.. t.Heads.Select((h, i) => new ExportColumn(h, i < t.TextColumns ? ExportKind.Text : ExportKind.Number))], t.Rows, t.Title, t.Sheet))],
            $"Rapportage {enterprise} {report.PeriodLabel}");
}
