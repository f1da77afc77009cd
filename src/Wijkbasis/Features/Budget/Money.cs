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
    /// decimals, letters, stray dots ("1.23.4") and amounts beyond ten million euros. Signs are kept so the caller can
    /// say what is wrong.</summary>
    public static bool TryParse(string? text, out long cents)
    {
        (cents, var problem) = Read(text, 9_999_999_99);
        return problem is null;
    }

    /// <summary>The one reader of typed amounts: cents (a leading minus kept), or what is wrong in Dutch. A comma is
    /// the decimal mark; without a comma, a single dot before one or two final digits is one too ("12.50"); any
    /// other dots must group thousands by three ("1.234.567"). Beyond <paramref name="maxCents"/> either way is refused.</summary>
    public static (long Cents, string? Problem) Read(string? text, long maxCents)
    {
        var s = (text ?? "").Trim().Replace("€", "").Replace(" ", "").Replace("\u00a0", "");
        var negative = s.StartsWith('-');
        if (negative)
        {
            s = s[1..];
        }
        if (s.Length == 0)
        {
            return (0, "Vul een bedrag in, bijvoorbeeld 1.234,56.");
        }
        if (s.Length > 20 || s.Any(c => !char.IsAsciiDigit(c) && c != '.' && c != ','))
        {
            return (0, "Een bedrag bestaat alleen uit cijfers, met een komma voor de centen, bijvoorbeeld 1.234,56.");
        }
        string whole, fraction;
        var comma = s.IndexOf(',');
        if (comma >= 0)
        {
            if (s.LastIndexOf(',') != comma || s.IndexOf('.', comma) >= 0)
            {
                return (0, "Gebruik één komma voor de centen, bijvoorbeeld 1.234,56.");
            }
            (whole, fraction) = (s[..comma], s[(comma + 1)..]);
        }
        else if (s.Count(c => c == '.') == 1 && s.Length - s.IndexOf('.') - 1 is 1 or 2)
        {
            (whole, fraction) = (s[..s.IndexOf('.')], s[(s.IndexOf('.') + 1)..]);
        }
        else
        {
            (whole, fraction) = (s, "");
        }
        if (fraction.Length > 2)
        {
            return (0, "Een bedrag heeft hoogstens twee cijfers achter de komma (centen).");
        }
        if (whole.Contains('.'))
        {
            var groups = whole.Split('.');
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return (0, "Zet punten alleen tussen groepjes van drie cijfers, bijvoorbeeld 1.234,56.");
            }
            whole = whole.Replace(".", "");
        }
        if (whole.Length == 0 && fraction.Length == 0)
        {
            return (0, "Vul een bedrag in, bijvoorbeeld 1.234,56.");
        }
        // Encoded (format plus value), so it reads in English too wherever it is shown.
        var tooMuch = Shared.LocalText.Encode("Een bedrag is hoogstens {0}.", Format(maxCents));
        if (whole.Length > 12)
        {
            return (0, tooMuch);
        }
        var euros = whole.Length == 0 ? 0 : long.Parse(whole, CultureInfo.InvariantCulture);
        var cents = euros * 100 + (fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture));
        return cents > maxCents ? (0, tooMuch) : (negative ? -cents : cents, null);
    }
}
