using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using nietras.SeparatedValues;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Import;

/// <summary>One row of a spreadsheet as text, with the number the spreadsheet shows beside it (the head is row 1).</summary>
public sealed record SheetRow(int Number, string[] Cells)
{
    public string Cell(int? column) => column is { } c && c < Cells.Length ? Cells[c] : "";
}

/// <summary>A spreadsheet read as text: the column heads (the first row that is not empty) and the rows below them.
/// CSV through Sep, XLSX through DocumentFormat.OpenXml (docs/decisions/0030); no parser of our own.</summary>
public sealed class ImportSheet
{
    /// <summary>More rows than this is not a spreadsheet someone kept by hand; the file is refused.</summary>
    public const int MaxRows = 250_000;
    public const int MaxColumns = 100;

    public required IReadOnlyList<string> Heads { get; init; }
    public required IReadOnlyList<SheetRow> Rows { get; init; }
    /// <summary>From an XLSX: a number in a date or time column is a date or time cell.</summary>
    public bool FromXlsx { get; init; }

    /// <summary>Reads the file, or says in Dutch why it cannot be read.</summary>
    public static (ImportSheet? Sheet, Refusal? Problem) Read(byte[] content, bool xlsx)
    {
        try
        {
            var rows = xlsx ? ReadXlsx(content) : ReadCsv(content);
            if (rows is null)
            {
                return (null, new Refusal("Het bestand is geen tekst in UTF-8. Sla het op als ‘CSV UTF-8’ en probeer het opnieuw."));
            }
            var head = rows.FindIndex(r => r.Cells.Any(c => c.Length > 0));
            if (head < 0)
            {
                return (null, new Refusal("Het bestand is leeg."));
            }
            if (rows.Count - head - 1 > MaxRows)
            {
                return (null, new Refusal("Het bestand heeft meer dan {0} rijen. Verdeel het over meer bestanden.", MaxRows));
            }
            var heads = rows[head].Cells.Select(c => c.Trim()).ToArray();
            if (heads.Length > MaxColumns)
            {
                return (null, new Refusal("Het bestand heeft meer dan {0} kolommen.", MaxColumns));
            }
            return (new ImportSheet
            {
                Heads = heads,
                FromXlsx = xlsx,
                Rows = rows.Skip(head + 1).Where(r => r.Cells.Any(c => c.Length > 0)).ToList(),
            }, null);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FormatException
            or InvalidOperationException or ArgumentException or System.Xml.XmlException)
        {
            return (null, xlsx
                ? new Refusal("Het bestand is geen leesbaar Excel-bestand (.xlsx).")
                : new Refusal("Het bestand is geen leesbaar CSV-bestand."));
        }
    }

    private static List<SheetRow>? ReadCsv(byte[] content)
    {
        string text;
        try
        {
            var span = content.AsSpan();
            if (span.StartsWith("\uFEFF"u8))
            {
                span = span[3..];
            }
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        var rows = new List<SheetRow>();
        if (text.Length == 0)
        {
            return rows;
        }
        using var reader = Sep.New(Separator(text)).Reader(o => o with
        {
            HasHeader = false, Unescape = true, DisableColCountCheck = true, Trim = SepTrim.All,
        }).FromText(text);
        var number = 0;
        foreach (var row in reader)
        {
            number++;
            var cells = new string[Math.Min(row.ColCount, MaxColumns + 1)];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].ToString();
            }
            rows.Add(new SheetRow(number, cells));
            if (rows.Count > MaxRows + 2)
            {
                break;
            }
        }
        return rows;
    }

    /// <summary>The separator of the first line: whichever of ';', ',' and tab occurs most outside quotes (Dutch Excel
    /// writes ';', most other programs ',').</summary>
    private static char Separator(string text)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                if (c is '\n' or '\r')
                {
                    break;
                }
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        return tabs > semicolons && tabs > commas ? '\t' : commas > semicolons ? ',' : ';';
    }

    /// <summary>The first sheet of the workbook, read row by row (a SAX reader: a 100,000-row sheet is not loaded as one
    /// document). Numbers come as the file stores them (invariant, a date as its serial number).</summary>
    private static List<SheetRow> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
        var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()?.Id?.Value ?? throw new InvalidDataException("no sheet");
        var part = (WorksheetPart)workbook.GetPartById(first);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var rows = new List<SheetRow>();
        using var reader = OpenXmlReader.Create(part);
        var next = 1;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }
            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } index ? (int)index : next;
            next = number + 1;
            var cells = new List<string>();
            var position = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : position;
                if (column > MaxColumns)
                {
                    continue;
                }
                while (cells.Count < column)
                {
                    cells.Add("");
                }
                cells.Add(TextOf(cell, shared).Trim());
                position = column + 1;
            }
            rows.Add(new SheetRow(number, [.. cells]));
            if (rows.Count > MaxRows + 2)
            {
                break;
            }
        }
        return rows;
    }

    private static string TextOf(Cell cell, string[] shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }
        var value = cell.CellValue?.Text ?? "";
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : "";
        }
        if (type == CellValues.Boolean)
        {
            return value == "1" ? "ja" : "nee";
        }
        return value;
    }

    /// <summary>"C12" → 2.</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return column - 1;
    }
}
