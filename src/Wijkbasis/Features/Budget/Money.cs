using System.Globalization;

namespace Wijkbasis.Features.Budget;

/// <summary>An amount in euro cents: money is never a floating-point number.</summary>
public static class Money
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>"€ 1.234,50"; negative amounts as "-€ 5,00".</summary>
    public static string Format(long cents) =>
        (cents < 0 ? "-" : "") + "€ " + (Math.Abs(cents) / 100m).ToString("#,##0.00", Dutch);

    /// <summary>Reads what people type: "35", "35,5", "35,50", "€ 1.234,50", "12.50". Refuses more than two
    /// decimals, letters and amounts beyond a million euros. Signs are kept so the caller can say what is wrong.</summary>
    public static bool TryParse(string? text, out long cents)
    {
        cents = 0;
        var s = (text ?? "").Trim().Replace("€", "").Replace(" ", "").Replace("\u00a0", "");
        if (s.Length == 0 || s.Length > 20)
        {
            return false;
        }
        var negative = s.StartsWith('-');
        if (negative)
        {
            s = s[1..];
        }
        // A comma is the decimal mark. Without a comma, a dot followed by exactly two digits at the end is one too
        // ("12.50"); other dots group thousands ("1.000").
        string whole, fraction;
        var comma = s.LastIndexOf(',');
        if (comma >= 0)
        {
            (whole, fraction) = (s[..comma], s[(comma + 1)..]);
        }
        else if (s.LastIndexOf('.') is var dot and >= 0 && s.Length - dot - 1 is 1 or 2 && s.Count(c => c == '.') == 1)
        {
            (whole, fraction) = (s[..dot], s[(dot + 1)..]);
        }
        else
        {
            (whole, fraction) = (s, "");
        }
        whole = whole.Replace(".", "");
        if (whole.Length == 0 && fraction.Length == 0 || fraction.Length > 2 || whole.Length > 7
            || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return false;
        }
        var euros = whole.Length == 0 ? 0 : long.Parse(whole, CultureInfo.InvariantCulture);
        var rest = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture);
        cents = (euros * 100 + rest) * (negative ? -1 : 1);
        return true;
    }
}
