using Wijkbasis.Features.Impact;

namespace Wijkbasis.Tests.Features.MunicipalView;

/// <summary>A reader who knows the rule and every published number, and tries to recover hidden cells: every hidden cell
/// is an unknown integer with the bounds the page gives away, every published sum a
/// linear equation. A hidden cell is recovered when all integer assignments that satisfy every equation and bound give it
/// the same value. Bounds propagation plus a branching search: exact for the small tables of these tests.</summary>
public sealed class Attacker
{
    private readonly List<(int[] Vars, int[] Signs, long Constant)> equations = [];
    private readonly long[] lo;
    private readonly long[] hi;
    private readonly long[] truth;
    private readonly Dictionary<int, int> varOf = [];

    /// <param name="cells">True values (integers) and whether each is published.</param>
    /// <param name="bounds">For each hidden cell, what the reader knows of it.</param>
    /// <param name="sums">Every sum the reader knows holds: parent = Σ children.</param>
    public Attacker(IReadOnlyList<(long Value, bool Published)> cells, Func<int, (long Lo, long Hi)> bounds, IEnumerable<(int Parent, int[] Children)> sums)
    {
        var hidden = Enumerable.Range(0, cells.Count).Where(i => !cells[i].Published).ToList();
        lo = new long[hidden.Count];
        hi = new long[hidden.Count];
        truth = new long[hidden.Count];
        for (var v = 0; v < hidden.Count; v++)
        {
            varOf[hidden[v]] = v;
            (lo[v], hi[v]) = bounds(hidden[v]);
            truth[v] = cells[hidden[v]].Value;
            if (truth[v] < lo[v] || truth[v] > hi[v])
            {
                throw new InvalidOperationException($"cell {hidden[v]} = {truth[v]} outside its published bounds [{lo[v]}, {hi[v]}]");
            }
        }
        foreach (var (parent, children) in sums)
        {
            var vars = new List<int>();
            var signs = new List<int>();
            long constant = 0;
            void Term(int cell, int sign)
            {
                if (varOf.TryGetValue(cell, out var v))
                {
                    vars.Add(v);
                    signs.Add(sign);
                }
                else
                {
                    constant -= sign * cells[cell].Value;
                }
            }
            Term(parent, 1);
            foreach (var c in children)
            {
                Term(c, -1);
            }
            if (vars.Count > 0)
            {
                equations.Add(([.. vars], [.. signs], constant));
            }
        }
    }

    /// <summary>The hidden cells whose value every consistent assignment agrees on.</summary>
    public IReadOnlyList<int> Recovered()
    {
        var result = new List<int>();
        foreach (var (cell, v) in varOf)
        {
            var below = (long[])lo.Clone();
            var belowHi = (long[])hi.Clone();
            belowHi[v] = truth[v] - 1;
            var above = (long[])lo.Clone();
            above[v] = truth[v] + 1;
            if (!Feasible(below, belowHi, 0) && !Feasible(above, (long[])hi.Clone(), 0))
            {
                result.Add(cell);
            }
        }
        return result;
    }

    private bool Propagate(long[] l, long[] h)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var (vars, signs, constant) in equations)
            {
                // Σ sign·x = constant.
                long min = 0, max = 0;
                for (var k = 0; k < vars.Length; k++)
                {
                    if (l[vars[k]] > h[vars[k]])
                    {
                        return false;
                    }
                    min += signs[k] > 0 ? l[vars[k]] : -h[vars[k]];
                    max += signs[k] > 0 ? h[vars[k]] : -l[vars[k]];
                }
                if (constant < min || constant > max)
                {
                    return false;
                }
                for (var k = 0; k < vars.Length; k++)
                {
                    var x = vars[k];
                    long restMin = min - (signs[k] > 0 ? l[x] : -h[x]);
                    long restMax = max - (signs[k] > 0 ? h[x] : -l[x]);
                    // sign·x = constant − rest.
                    long newLo, newHi;
                    if (signs[k] > 0)
                    {
                        newLo = constant - restMax;
                        newHi = constant - restMin;
                    }
                    else
                    {
                        newLo = restMin - constant;
                        newHi = restMax - constant;
                    }
                    if (newLo > l[x])
                    {
                        l[x] = newLo;
                        changed = true;
                    }
                    if (newHi < h[x])
                    {
                        h[x] = newHi;
                        changed = true;
                    }
                    if (l[x] > h[x])
                    {
                        return false;
                    }
                }
            }
        }
        while (changed);
        return true;
    }

    private bool Feasible(long[] l, long[] h, int depth)
    {
        if (!Propagate(l, h))
        {
            return false;
        }
        var pick = -1;
        for (var v = 0; v < l.Length; v++)
        {
            if (l[v] < h[v] && (pick < 0 || h[v] - l[v] < h[pick] - l[pick]))
            {
                pick = v;
            }
        }
        if (pick < 0)
        {
            return true;
        }
        var mid = l[pick] + (h[pick] - l[pick]) / 2;
        var l1 = (long[])l.Clone();
        var h1 = (long[])h.Clone();
        h1[pick] = mid;
        if (Feasible(l1, h1, depth + 1))
        {
            return true;
        }
        var l2 = (long[])l.Clone();
        var h2 = (long[])h.Clone();
        l2[pick] = mid + 1;
        return Feasible(l2, h2, depth + 1);
    }

    /// <summary>What the page tells of a hidden persons cell: one mark for both kinds, and a true 0 is shown, so at
    /// least 1 (and at most the largest published number).</summary>
    public static (long Lo, long Hi) PersonsBounds(long max) => (1, max);

    /// <summary>What a page that told "&lt; 5" and "•" apart would give away: 1–4 and at least 5.</summary>
    public static (long Lo, long Hi) TellingBounds(CellState state, long max) =>
        state == CellState.Small ? (1, Suppression.Threshold - 1) : (Suppression.Threshold, max);
}
