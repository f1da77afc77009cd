using System.Globalization;
using System.Text;

namespace Wijkbasis.Features.Import;

/// <summary>Dates, times, numbers and phone numbers in the forms people type them into a spreadsheet. Pure, so every
/// form is tested without a file. Postcodes go through the register's own rule (<see cref="People.PostcodeRules"/>).</summary>
public static partial class ImportValues
{
    private static readonly string[] DateFormats =
    [
        "d-M-yyyy", "d/M/yyyy", "d.M.yyyy", "yyyy-M-d", "yyyy/M/d", "d-M-yy", "d/M/yy",
    ];

    /// <summary>Month names by their first three letters, Dutch and English ("mrt", "mar", "mei", "may", "okt", "oct").</summary>
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["jan"] = 1, ["feb"] = 2, ["mrt"] = 3, ["maa"] = 3, ["mar"] = 3, ["apr"] = 4, ["mei"] = 5, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["okt"] = 10, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{1,2})[ -]+([a-z]+)\.?[ -]+(\d{4})$")]
    private static partial System.Text.RegularExpressions.Regex NamedMonth();

    /// <summary>"3-1-2024", "03-01-2024", "2024-01-03", "3 jan 2024", "3 januari 2024", and in an XLSX a date cell
    /// (its serial number, days since 30-12-1899). A time after the date ("3-1-2024 10:00") is ignored. Null when
    /// unreadable or outside 1900–2199 (the floor of every date in the app, docs/decisions/0022).</summary>
    public static DateOnly? Date(string? text, bool fromXlsx)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }
        if (fromXlsx && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
        {
            // Excel's day 60 is the 29th of February 1900 that never was; every date people import lies after it.
            return serial is >= 61 and < 109_575 ? DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial))) : null;
        }
        // "3-1-2024 10:00" or "2024-01-03T00:00:00": the day only.
        var cut = s.IndexOfAny([' ', 'T'], Math.Min(s.Length, 8));
        if (cut > 0 && char.IsAsciiDigit(s[cut - 1]) && cut + 1 < s.Length && s.AsSpan(cut + 1).Contains(':'))
        {
            s = s[..cut];
        }
        // "3 jan 2024", "3 januari 2024", "3-jan-2024": the month by name, whatever the culture's own abbreviations are.
        if (NamedMonth().Match(s.ToLowerInvariant()) is { Success: true } named)
        {
            var month = named.Groups[2].Value;
            return month.Length >= 3 && Months.TryGetValue(month[..3], out var m)
                && int.Parse(named.Groups[1].Value, CultureInfo.InvariantCulture) is var day && day >= 1 && day <= 31
                && int.Parse(named.Groups[3].Value, CultureInfo.InvariantCulture) is var year && year is >= 1900 and <= 2199
                && day <= DateTime.DaysInMonth(year, m)
                ? new DateOnly(year, m, day) : null;
        }
        if (DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d))
        {
            var date = DateOnly.FromDateTime(d);
            return date.Year is >= 1900 and <= 2199 ? date : null;
        }
        return null;
    }

    /// <summary>"10:00", "10.00", "9:30", "10u", "10" and in an XLSX a time cell (a fraction of a day).</summary>
    public static TimeOnly? Time(string? text, bool fromXlsx)
    {
        var s = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }
        if (fromXlsx && s.Contains('.', StringComparison.Ordinal) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction)
            && fraction is >= 0 and < 1)
        {
            return TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Round(fraction * 24 * 60)));
        }
        s = s.TrimEnd('u').Replace('.', ':').Replace(" uur", "", StringComparison.Ordinal).Trim();
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and < 24)
        {
            return new TimeOnly(hour, 0);
        }
        return TimeOnly.TryParseExact(s, ["H:mm", "H:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/> ("12", "12,0" as a spreadsheet may
    /// write it); null when it is not one.</summary>
    public static int? Whole(string? text, int min, int max)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }
        if (decimal.TryParse(s.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            && n == decimal.Truncate(n) && n >= min && n <= max)
        {
            return (int)n;
        }
        return null;
    }

    /// <summary>"06-12345678", "06 1234 5678", "+31 6 1234 5678", "0031612345678", "(026) 123 45 67": a Dutch number
    /// becomes its ten digits from 0 ("0612345678"); another country's keeps its + and digits. Null when it is not a
    /// phone number.</summary>
    public static string? Phone(string? text)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }
        var digits = new StringBuilder(s.Length);
        var plus = false;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '+' && digits.Length == 0 && !plus)
            {
                plus = true;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '/'))
            {
                return null;
            }
        }
        var d = digits.ToString();
        if (!plus && d.StartsWith("00", StringComparison.Ordinal))
        {
            (plus, d) = (true, d[2..]);
        }
        if (plus)
        {
            if (d.StartsWith("31", StringComparison.Ordinal))
            {
                // "+31 (0)6 …": the zero in brackets is not dialled from abroad.
                d = "0" + (d.Length == 12 && d[2] == '0' ? d[3..] : d[2..]);
            }
            else
            {
                return d.Length is >= 8 and <= 15 ? "+" + d : null;
            }
        }
        // A spreadsheet that took the number for a number dropped its leading zero ("612345678").
        if (d.Length == 9 && d[0] != '0')
        {
            d = "0" + d;
        }
        return d.Length == 10 && d[0] == '0' && d[1] != '0' ? d : null;
    }
}
