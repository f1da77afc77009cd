using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc;
using nietras.SeparatedValues;

namespace Wijkbasis.Features.Shared;

/// <summary>What a column holds, so CSV and XLSX write it the same way: text, a number, a date, or an amount in
/// euros (two decimals).</summary>
public enum ExportKind { Text, Number, Date, Money }

public enum ExportFormat { Csv, Xlsx }

/// <summary>A column: its head (already through the localizer, or Dutch where the document is always Dutch) and kind.</summary>
public sealed record ExportColumn(string Head, ExportKind Kind = ExportKind.Text);

/// <summary>One table of an export: an optional title above it, its columns and rows. A cell is a string, a number
/// (int, long, decimal), a <see cref="DateOnly"/>, or null. Tables with the same <see cref="Sheet"/> share a
/// worksheet in XLSX, one under the other.</summary>
public sealed record ExportTable(IReadOnlyList<ExportColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows,
    string? Title = null, string Sheet = "Gegevens");

/// <summary>A whole download: its file name without extension, an optional heading line (CSV only: a CSV has no
/// title of its own) and its tables.</summary>
public sealed record ExportDocument(string FileName, IReadOnlyList<ExportTable> Tables, string? Heading = null)
{
    public ExportDocument(string fileName, ExportTable table) : this(fileName, [table]) { }

    public int RowCount => Tables.Sum(t => t.Rows.Count);
}

/// <summary>The one export mechanism of the app (docs/decisions/0025): every list, the report and the municipal
/// tables are described as <see cref="ExportDocument"/>s and written here, as CSV through Sep (semicolons, UTF-8
/// with a byte-order mark, as Dutch Excel opens it) or as XLSX through DocumentFormat.OpenXml.</summary>
public static class Export
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The format as the audit row and file extension name it.</summary>
    public static string Key(this ExportFormat format) => format == ExportFormat.Csv ? "csv" : "xlsx";

    public static FileContentResult File(ExportDocument document, ExportFormat format) => format == ExportFormat.Csv
        ? new FileContentResult(Csv(document), CsvType) { FileDownloadName = document.FileName + ".csv" }
        : new FileContentResult(Xlsx(document), XlsxType) { FileDownloadName = document.FileName + ".xlsx" };

    /// <summary>A text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading
    /// apostrophe, in CSV and XLSX alike: a name like "=HYPERLINK(...)" typed into a form stays a text.</summary>
    public static string Guard(string text) =>
        text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;

    /// <summary>Semicolons, decimal commas, dates as yyyy-MM-dd, CRLF line ends, UTF-8 with a byte-order mark; each
    /// table under its title, a blank line between tables.</summary>
    public static byte[] Csv(ExportDocument document)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        // No header of Sep's own: heads, titles and blank lines are rows like the others, so tables of different widths
        // can follow each other in one file.
        using (var writer = Sep.New(';').Writer(o => o with
               {
                   WriteHeader = false, Escape = true, DisableColCountCheck = true, ColNotSetOption = SepColNotSetOption.Skip,
                   CultureInfo = CultureInfo.InvariantCulture,
               }).To(text, leaveOpen: true))
        {
            void Line(IReadOnlyList<string> cells)
            {
                using var row = writer.NewRow();
                for (var i = 0; i < cells.Count; i++)
                {
                    row[i].Set(cells[i]);
                }
                if (cells.Count == 0)
                {
                    row[0].Set("");
                }
            }
            if (document.Heading is { } heading)
            {
                Line([Guard(heading)]);
                Line([]);
            }
            var multiple = document.Tables.Count > 1;
            foreach (var table in document.Tables)
            {
                if (table.Title is { } title)
                {
                    Line([Guard(title)]);
                }
                Line([.. table.Columns.Select(c => Guard(c.Head))]);
                foreach (var row in table.Rows)
                {
                    Line([.. row.Select((value, i) => CsvCell(value, i < table.Columns.Count ? table.Columns[i].Kind : ExportKind.Text))]);
                }
                if (multiple || document.Heading is not null)
                {
                    Line([]);
                }
            }
        }
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string CsvCell(object? value, ExportKind kind) => value switch
    {
        null => "",
        string s => Guard(s),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ when kind == ExportKind.Money => Number(value).ToString("0.00", Dutch),
        _ => Number(value).ToString("0.##########", Dutch),
    };

    private static decimal Number(object value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);

    /// <summary>An XLSX workbook, a worksheet per <see cref="ExportTable.Sheet"/>; numbers and amounts as numbers (a
    /// spreadsheet can sum them), dates as dates, texts as inline strings.</summary>
    public static byte[] Xlsx(ExportDocument document)
    {
        using var stream = new MemoryStream();
        using (var spreadsheet = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = spreadsheet.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var group in document.Tables.GroupBy(t => t.Sheet))
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                uint rowIndex = 1;
                var multiple = group.Count() > 1;
                foreach (var table in group)
                {
                    if (table.Title is { } title)
                    {
                        data.Append(Row(rowIndex++, [title], [ExportKind.Text]));
                    }
                    data.Append(Row(rowIndex++, [.. table.Columns.Select(c => c.Head)], [ExportKind.Text]));
                    var kinds = table.Columns.Select(c => c.Kind).ToArray();
                    foreach (var row in table.Rows)
                    {
                        data.Append(Row(rowIndex++, row, kinds));
                    }
                    if (multiple)
                    {
                        rowIndex++;
                    }
                }
                part.Worksheet = new Worksheet(data);
                var name = SheetName(group.Key);
                for (var n = 2; !names.Add(name); n++)
                {
                    name = SheetName(group.Key)[..Math.Min(27, SheetName(group.Key).Length)] + " " + n.ToString(CultureInfo.InvariantCulture);
                }
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = name });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    // Cell formats: 0 general, 1 date (built-in format 14), 2 amount with two decimals (built-in format 4).
    private const uint DateStyle = 1;
    private const uint MoneyStyle = 2;

    private static Stylesheet Styles() => new(
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true }) { Count = 3 });

    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => !"[]:*?/\\".Contains(c, StringComparison.Ordinal)).ToArray());
        return clean.Length == 0 ? "Blad" : clean.Length > 31 ? clean[..31] : clean;
    }

    private static Row Row(uint index, IReadOnlyList<object?> cells, ExportKind[] kinds)
    {
        var row = new Row { RowIndex = index };
        for (var column = 0; column < cells.Count; column++)
        {
            var reference = ColumnName(column) + index.ToString(CultureInfo.InvariantCulture);
            var kind = column < kinds.Length ? kinds[column] : ExportKind.Text;
            row.Append(cells[column] switch
            {
                null => new Cell { CellReference = reference },
                string s => new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Guard(s))),
                },
                DateOnly d => new Cell
                {
                    CellReference = reference, StyleIndex = DateStyle,
                    CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
                },
                var value => new Cell
                {
                    CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(Number(value)),
                    StyleIndex = kind == ExportKind.Money ? MoneyStyle : null,
                },
            });
        }
        return row;
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);
}
