using System.Globalization;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Impact;

public enum PeriodKind
{
    Month,
    Quarter,
    Year,
    Custom,
}

/// <summary>A reporting period: from its first day up to (not including) <see cref="Until"/>.</summary>
public readonly record struct ImpactPeriod(PeriodKind Kind, DateOnly From, DateOnly Until)
{
    /// <summary>The longest custom period (and the furthest back a trend goes): three years.</summary>
    public const int MaxMonths = 36;
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static ImpactPeriod Month(int year, int month) =>
        new(PeriodKind.Month, new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1));

    public static ImpactPeriod Quarter(int year, int quarter) =>
        new(PeriodKind.Quarter, new DateOnly(year, (quarter - 1) * 3 + 1, 1), new DateOnly(year, (quarter - 1) * 3 + 1, 1).AddMonths(3));

    public static ImpactPeriod Year(int year) => new(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));

    /// <summary>From–to with both days included (as people type them).</summary>
    public static (ImpactPeriod Period, Refusal? Problem) Custom(DateOnly from, DateOnly to)
    {
        if (from < Earliest || to < Earliest)
        {
            return (default, new Refusal("Kies een periode vanaf {0}.", Earliest.ToString("d-M-yyyy", CultureInfo.InvariantCulture)));
        }
        if (to < from)
        {
            return (default, new Refusal("De einddatum ligt vóór de begindatum."));
        }
        if (from.AddMonths(MaxMonths) <= to)
        {
            return (default, new Refusal("Een periode is hoogstens {0} maanden lang.", MaxMonths));
        }
        return (new ImpactPeriod(PeriodKind.Custom, from, to.AddDays(1)), null);
    }

    /// <summary>The period just before this one, of the same length (a month before a month, a year before a year).</summary>
    public ImpactPeriod Previous => Kind switch
    {
        PeriodKind.Month => new(Kind, From.AddMonths(-1), From),
        PeriodKind.Quarter => new(Kind, From.AddMonths(-3), From),
        PeriodKind.Year => new(Kind, From.AddYears(-1), From),
        _ => new(Kind, From.AddDays(-(Until.DayNumber - From.DayNumber)), From),
    };

    /// <summary>The last day in the period.</summary>
    public DateOnly To => Until.AddDays(-1);

    public int Days => Until.DayNumber - From.DayNumber;

    /// <summary>Month keys (yyyymm) of the months this period touches, oldest first.</summary>
    public IReadOnlyList<int> MonthKeys
    {
        get
        {
            var keys = new List<int>();
            for (var m = new DateOnly(From.Year, From.Month, 1); m < Until; m = m.AddMonths(1))
            {
                keys.Add(MonthKey(m));
            }
            return keys;
        }
    }

    public static int MonthKey(DateOnly day) => day.Year * 100 + day.Month;

    /// <summary>Stable key for storage and URLs: 2026, 2026-Q3, 2026-07 or 2026-01-01..2026-03-31.</summary>
    public string Key => Kind switch
    {
        PeriodKind.Year => From.Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{From.Year}-Q{(From.Month - 1) / 3 + 1}"),
        PeriodKind.Month => From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}"),
    };

    /// <summary>Reads <see cref="Key"/> back; null for anything else (never a guess).</summary>
    public static ImpactPeriod? Parse(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }
        var k = key.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (k.Length == 4 && int.TryParse(k, NumberStyles.None, inv, out var y) && InRange(y))
        {
            return Year(y);
        }
        if (k.Length == 7 && k[4] == '-' && k[5] is 'Q' or 'q' && int.TryParse(k[..4], NumberStyles.None, inv, out y)
            && k[6] is >= '1' and <= '4' && InRange(y))
        {
            return Quarter(y, k[6] - '0');
        }
        if (k.Length == 7 && DateOnly.TryParseExact(k + "-01", "yyyy-MM-dd", inv, DateTimeStyles.None, out var month) && InRange(month.Year))
        {
            return Month(month.Year, month.Month);
        }
        var dots = k.IndexOf("..", StringComparison.Ordinal);
        if (dots > 0 && DateOnly.TryParseExact(k[..dots], "yyyy-MM-dd", inv, DateTimeStyles.None, out var from)
            && DateOnly.TryParseExact(k[(dots + 2)..], "yyyy-MM-dd", inv, DateTimeStyles.None, out var to))
        {
            var (period, problem) = Custom(from, to);
            return problem is null ? period : null;
        }
        return null;
    }

    private static bool InRange(int year) => year >= Earliest.Year && year <= 2100;

    /// <summary>Dutch label, e.g. "2026", "Q3 2026", "juli 2026", "1-1-2026 – 31-3-2026": what a fixed report keeps.</summary>
    public string Label => LabelIn(CultureInfo.GetCultureInfo("nl-NL"));

    /// <summary>The label in the reader's language: month names differ ("juli 2026", "July 2026"), the rest does not.</summary>
    public string LabelIn(CultureInfo culture) => Kind switch
    {
        PeriodKind.Year => From.Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"Q{(From.Month - 1) / 3 + 1} {From.Year}"),
        PeriodKind.Month => From.ToString("MMMM yyyy", culture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{From:d-M-yyyy} – {To:d-M-yyyy}"),
    };
}
