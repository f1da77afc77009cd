namespace Wijkbasis.Features.Impact;

/// <summary>One row an indicator's query yields: the figure of one enterprise, one buurt (null: not known or not
/// about a place) and, when asked, one month, for one part (empty: the figure has no parts).</summary>
/// <param name="Value">Persons, counts, hours, cents or points; for a share or average the numerator.</param>
/// <param name="Of">The denominator of a share or average; null otherwise.</param>
/// <param name="Base">How many distinct persons the row rests on (the suppression base); null when the figure is
/// not about persons.</param>
public sealed record FigureRow(Guid TenantId, string? BuurtCode, int? Month, string Part, decimal Value, decimal? Of, long? Base)
{
    public const string Whole = "";
}

/// <summary>A figure summed over rows: value, denominator and base add up (persons are counted once per enterprise
/// and buurt, so distinct persons add over enterprises and buurten).</summary>
public readonly record struct Figure(decimal Value, decimal? Of, long? Base)
{
    public static readonly Figure Zero = new(0, null, null);

    public static Figure Sum(IEnumerable<FigureRow> rows)
    {
        decimal value = 0;
        decimal? of = null;
        long? @base = null;
        foreach (var row in rows)
        {
            value += row.Value;
            if (row.Of is { } o)
            {
                of = (of ?? 0) + o;
            }
            if (row.Base is { } b)
            {
                @base = (@base ?? 0) + b;
            }
        }
        return new Figure(value, of, @base);
    }

    /// <summary>The number to show: the value, or value ÷ denominator for shares and averages (null when the
    /// denominator is zero: nothing to divide).</summary>
    public decimal? Shown(Indicator indicator) => indicator.Unit switch
    {
        IndicatorUnit.Share => Of is > 0 ? Value / Of.Value * 100m : null,
        IndicatorUnit.Average or IndicatorUnit.Index => Of is > 0 ? Value / Of.Value : null,
        IndicatorUnit.Euros => Value / 100m,
        IndicatorUnit.Hours => Value / 60m,
        _ => Value,
    };
}

/// <summary>The rows of one indicator for one period: the views (whole, per enterprise, per buurt, per month,
/// per part) are sums over them.</summary>
public sealed class IndicatorFigures(Indicator indicator, ImpactPeriod period, IReadOnlyList<FigureRow> rows)
{
    public Indicator Indicator { get; } = indicator;
    public ImpactPeriod Period { get; } = period;
    public IReadOnlyList<FigureRow> Rows { get; } = rows;

    public Figure Total => Figure.Sum(Rows);

    public Figure Part(string key) => Figure.Sum(Rows.Where(r => r.Part == key));

    public Figure Month(int monthKey) => Figure.Sum(Rows.Where(r => r.Month == monthKey));

    public Figure Where(Func<FigureRow, bool> predicate) => Figure.Sum(Rows.Where(predicate));
}
