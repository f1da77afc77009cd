using System.Text;

namespace Wijkbasis.Features.Shared;

/// <summary>CSV for Dutch spreadsheets: semicolons, UTF-8 with a byte-order mark.</summary>
public static class Csv
{
    /// <summary>Quoted when needed; a text that a spreadsheet would run as a formula gets a leading apostrophe.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static byte[] Bytes(StringBuilder csv) => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
}
