using Wijkbasis.Features.Impact;

namespace Wijkbasis.Features.Stories;

/// <summary>The periods the story pages offer: this year and the two before, and the quarters of the last two years. Any
/// period key of the report (<see cref="ImpactPeriod.Key"/>) is read as well, so the report can link here.</summary>
public static class StoryPeriods
{
    public static IReadOnlyList<ImpactPeriod> Choices(DateOnly today)
    {
        var list = new List<ImpactPeriod>();
        var quarter = (today.Month - 1) / 3 + 1;
        for (var i = 0; i < 8; i++)
        {
            var q = quarter - i;
            var y = today.Year;
            while (q < 1)
            {
                q += 4;
                y--;
            }
            list.Add(ImpactPeriod.Quarter(y, q));
        }
        for (var y = today.Year; y > today.Year - 3; y--)
        {
            list.Add(ImpactPeriod.Year(y));
        }
        return list;
    }

    public static ImpactPeriod Current(DateOnly today) => ImpactPeriod.Quarter(today.Year, (today.Month - 1) / 3 + 1);
}
