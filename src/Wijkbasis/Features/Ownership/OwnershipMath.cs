namespace Wijkbasis.Features.Ownership;

/// <summary>How the partners' scores of one ingrediënt lie in a round: how many scored it and how many said "weet niet", the
/// lowest and highest rung, and the median (the mean of the middle two for an even count). Null when nobody scored it.</summary>
public sealed record Spread(int Answered, int Unknown, int? Min, int? Max, decimal? Median)
{
    /// <summary>Highest minus lowest rung: 0 when all agree, 4 when one says "informeren" and another "regie voeren".</summary>
    public int? Width => Max - Min;
}

/// <summary>One ingrediënt in the chosen round, the round before it, the change of the median, and the median per partner role.</summary>
public sealed record IngredientRow(int Number, string Name, Spread Now, Spread? Before, decimal? Change, IReadOnlyDictionary<PartnerRole, Spread> ByRole);

/// <summary>The numbers of the trap van eigenaarschap, computed in memory from the scorings of two rounds (a round holds a
/// handful of partners, so there is nothing to push into the database).</summary>
public static class OwnershipMath
{
    public static Spread SpreadOf(IEnumerable<int?> scores)
    {
        var list = scores.ToList();
        var known = list.Where(s => s is not null).Select(s => s!.Value).Order().ToList();
        return new Spread(known.Count, list.Count - known.Count, known.Count == 0 ? null : known[0], known.Count == 0 ? null : known[^1], Median(known));
    }

    public static decimal? Median(IReadOnlyList<int> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2m,
    };

    /// <summary>Per ingrediënt: the spread in <paramref name="now"/>, in <paramref name="before"/> (null when there is no round
    /// before), the change of the median, and the spread per role in <paramref name="now"/> (only roles that scored).</summary>
    public static IReadOnlyList<IngredientRow> Analyse(IReadOnlyList<(PartnerRole Role, int?[] Rungs)> now, IReadOnlyList<(PartnerRole Role, int?[] Rungs)>? before)
    {
        var rows = new List<IngredientRow>(Trap.Count);
        for (var i = 0; i < Trap.Count; i++)
        {
            var index = i;
            var current = SpreadOf(now.Select(s => s.Rungs[index]));
            var previous = before is null ? null : SpreadOf(before.Select(s => s.Rungs[index]));
            var change = current.Median is { } a && previous?.Median is { } b ? a - b : (decimal?)null;
            var byRole = now.GroupBy(s => s.Role).OrderBy(g => g.Key)
                .ToDictionary(g => g.Key, g => SpreadOf(g.Select(s => s.Rungs[index])));
            rows.Add(new IngredientRow(i + 1, Trap.Ingredients[i], current, previous, change, byRole));
        }
        return rows;
    }

    /// <summary>Where the partners disagree most: the ingrediënten with the widest spread (at least one rung apart), widest first,
    /// then the one most partners scored, then in the seed's order; at most <paramref name="top"/>.</summary>
    public static IReadOnlyList<IngredientRow> Disagreements(IReadOnlyList<IngredientRow> rows, int top = 5) =>
        rows.Where(r => r.Now.Width >= 1).OrderByDescending(r => r.Now.Width).ThenByDescending(r => r.Now.Answered).ThenBy(r => r.Number)
            .Take(top).ToList();
}
