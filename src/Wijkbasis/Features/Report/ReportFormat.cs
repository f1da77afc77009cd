using System.Globalization;
using Wijkbasis.Features.Impact;

namespace Wijkbasis.Features.Report;

/// <summary>How a report's numbers read: persons and counts whole ("1.234"), euros "€ 1.234,56", hours "12,5 uur",
/// shares "45,3%", with the Dutch separators everywhere (the page, the PDF, the exports).</summary>
public static class ReportFormat
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The value with its unit; <paramref name="t"/> translates the unit word ("uur", "punten").</summary>
    public static string Show(IndicatorUnit unit, decimal? value, Func<string, string> t) => value is not { } v ? "–" : unit switch
    {
        IndicatorUnit.Euros => (v < 0 ? "−" : "") + "€ " + Math.Abs(v).ToString("#,##0.00", Dutch),
        IndicatorUnit.Share => Number(v, "0.0") + "%",
        IndicatorUnit.Hours => string.Format(CultureInfo.InvariantCulture, t("{0} uur"), Number(v, "#,##0.#")),
        IndicatorUnit.Points => Number(v, "#,##0.#") + " " + t("punten"),
        IndicatorUnit.Average => Number(v, "#,##0.0"),
        IndicatorUnit.Index => IndexText(v),
        _ => Number(v, "#,##0"),
    };

    /// <summary>The bare number as a spreadsheet or chart wants it (no unit, no thousands separator).</summary>
    public static string Plain(decimal? value) => value is { } v ? v.ToString("0.##", Dutch) : "";

    /// <summary>The change against the period before: "+16 (+72,7%)", "−2,1 procentpunt" for a share, "gelijk",
    /// or "–" when there is nothing to compare.</summary>
    public static string Change(IndicatorUnit unit, decimal? current, decimal? previous, Func<string, string> t)
    {
        if (current is not { } now || previous is not { } before)
        {
            return "–";
        }
        var diff = now - before;
        if (diff == 0)
        {
            return t("gelijk");
        }
        var sign = diff > 0 ? "+" : "−";
        var abs = Math.Abs(diff);
        var amount = unit switch
        {
            IndicatorUnit.Share => Number(abs, "0.0") + " " + t("procentpunt"),
            IndicatorUnit.Euros => "€ " + abs.ToString("#,##0.00", Dutch),
            IndicatorUnit.Hours => string.Format(CultureInfo.InvariantCulture, t("{0} uur"), Number(abs, "#,##0.#")),
            IndicatorUnit.Points => Number(abs, "#,##0.#") + " " + t("punten"),
            IndicatorUnit.Average => Number(abs, "#,##0.0"),
            IndicatorUnit.Index => Number(abs, "0.00"),
            _ => Number(abs, "#,##0"),
        };
        if (unit is IndicatorUnit.Share or IndicatorUnit.Index || before == 0)
        {
            return sign + amount;
        }
        return sign + amount + " (" + sign + Number(Math.Round(abs / Math.Abs(before) * 100m, 1, MidpointRounding.AwayFromZero), "0.0") + "%)";
    }

    public static string MonthLabel(int monthKey, CultureInfo culture) =>
        new DateOnly(monthKey / 100, monthKey % 100, 1).ToString("MMMM yyyy", culture);

    public static string MonthShort(int monthKey, CultureInfo culture) =>
        new DateOnly(monthKey / 100, monthKey % 100, 1).ToString("MMM yyyy", culture);

    /// <summary>A period's label in the reader's language ("juli 2026", "July 2026"; quarters "Q3 2026").</summary>
    public static string PeriodLabel(Impact.ImpactPeriod period, CultureInfo culture) => period.LabelIn(culture);

    /// <summary>An index from −1 to +1 with two decimals and its sign: "+0,25", "−0,50", "0,00".</summary>
    public static string IndexText(decimal value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : "") + Number(Math.Abs(rounded), "0.00");
    }

    private static string Number(decimal value, string format) => value.ToString(format, Dutch);
}
