using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Report;

/// <summary>One table of the report as the page shows it: a title (its caption), column heads and rows; a cell is
/// a text or a number (euros, hours and percentages as their bare number, so a spreadsheet can sum them).</summary>
public sealed record ReportTable(string Sheet, string Title, IReadOnlyList<string> Heads, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>Every table on the report, for CSV and XLSX: per section its key figures, the parts of a figure, and the
/// data of every trend chart. Always in Dutch, like the PDF.</summary>
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
        _ => "gemiddelde",
    };

    /// <summary>CSV as Dutch Excel reads it (the same as the money flows' export): semicolons, decimal commas, UTF-8
    /// with a byte-order mark; each table under its title, a blank line between tables.</summary>
    public static byte[] Csv(ReportContent report, string enterprise)
    {
        var csv = new StringBuilder();
        csv.Append(Shared.Csv.Cell($"Rapportage {enterprise} {report.PeriodLabel}")).Append("\r\n\r\n");
        foreach (var table in Tables(report))
        {
            csv.Append(Shared.Csv.Cell(table.Title)).Append("\r\n");
            csv.Append(string.Join(';', table.Heads.Select(Shared.Csv.Cell))).Append("\r\n");
            foreach (var row in table.Rows)
            {
                csv.Append(string.Join(';', row.Select(c => c switch
                {
                    decimal d => ReportFormat.Plain(d),
                    null => "",
                    _ => Shared.Csv.Cell(Convert.ToString(c, CultureInfo.InvariantCulture) ?? ""),
                }))).Append("\r\n");
            }
            csv.Append("\r\n");
        }
        return Shared.Csv.Bytes(csv);
    }

    /// <summary>An XLSX workbook with a sheet per section; its tables one under the other, each under its title,
    /// numbers as numbers.</summary>
    public static byte[] Xlsx(ReportContent report)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var group in Tables(report).GroupBy(t => t.Sheet))
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                uint rowIndex = 1;
                foreach (var table in group)
                {
                    data.Append(Row(rowIndex++, [table.Title]));
                    data.Append(Row(rowIndex++, table.Heads));
                    foreach (var row in table.Rows)
                    {
                        data.Append(Row(rowIndex++, row));
                    }
                    rowIndex++;
                }
                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = SheetName(group.Key) });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => !"[]:*?/\\".Contains(c, StringComparison.Ordinal)).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static Row Row(uint index, IEnumerable<object?> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var value in cells)
        {
            var reference = ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(value switch
            {
                decimal d => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(d) },
                null => new Cell { CellReference = reference },
                _ => new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")),
                },
            });
        }
        return row;
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);
}
