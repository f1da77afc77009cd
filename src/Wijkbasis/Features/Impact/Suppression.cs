namespace Wijkbasis.Features.Impact;

/// <summary>How a cell of the municipal view is published.</summary>
public enum CellState : byte
{
    Shown,
    /// <summary>Rests on 1 to 4 persons. Published with the same mark as <see cref="Shielded"/>.</summary>
    Small,
    /// <summary>Rests on 5 or more persons but hidden so that a small cell cannot be recovered by subtraction.</summary>
    Shielded,
}

/// <summary>One cell of the suppression problem.</summary>
/// <param name="Value">The number the published equations add up (persons, visits, minutes; for a share or an
/// average the persons in its denominator).</param>
/// <param name="Base">Distinct persons the cell rests on; null when the figure is not about persons (never hidden).</param>
/// <param name="CountsPersons">The value is at least the number of persons it rests on (persons, visits, counted
/// visitors), so a reader who knows the rule knows a "&lt; 5" cell holds at least 1 and a "•" cell at least 5.</param>
public readonly record struct SuppressionCell(decimal Value, long? Base, bool CountsPersons);

/// <summary>An additive relation a reader can see: the parent is the sum of the children.</summary>
public sealed record SuppressionGroup(int Parent, int[] Children);

/// <summary>Small-number suppression with complementary suppression (docs/decisions/0016). Pure: cells and the sums
/// that bind them in, which cells to hide out.</summary>
public static class Suppression
{
    public const int Threshold = 5;

    /// <summary>Primary: every cell with 1 to threshold−1 persons. Complementary, repeated over all groups until nothing
    /// changes: in every group (parent = Σ children) that has a hidden cell, the hidden cells must be two or more, one of
    /// them must rest on at least threshold persons, and none may be pinned by the equation and what a reader knows of
    /// hidden cells (see <see cref="Bounds"/>); else the visible child with the smallest base is hidden too (the
    /// first one that settles the group), and with no such child left a visible parent is hidden.</summary>
    public static CellState[] Apply(IReadOnlyList<SuppressionCell> cells, IReadOnlyList<SuppressionGroup> groups, int threshold = Threshold)
    {
        var state = new CellState[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Base is > 0 and var b && b < threshold)
            {
                state[i] = CellState.Small;
            }
        }
        var groupsOf = new List<int>?[cells.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            Add(groupsOf, groups[g].Parent, g);
            foreach (var child in groups[g].Children)
            {
                Add(groupsOf, child, g);
            }
        }
        var queued = new bool[groups.Count];
        var work = new Queue<int>();
        for (var g = 0; g < groups.Count; g++)
        {
            queued[g] = true;
            work.Enqueue(g);
        }
        void Hide(int cell, CellState how)
        {
            state[cell] = how;
            foreach (var g in groupsOf[cell] ?? [])
            {
                if (!queued[g])
                {
                    queued[g] = true;
                    work.Enqueue(g);
                }
            }
        }
        while (true)
        {
            while (work.TryDequeue(out var g))
            {
                queued[g] = false;
                var group = groups[g];
                while (!Protected(cells, state, group, threshold, -1))
                {
                    // Candidates: visible children resting on enough persons, smallest base first; take the first that
                    // settles the group on its own, else the smallest and look again.
                    var best = -1;
                    var settling = -1;
                    foreach (var c in group.Children.Where(c => state[c] == CellState.Shown && cells[c].Base >= threshold)
                                 .OrderBy(c => cells[c].Base).ThenBy(c => cells[c].Value).ThenBy(c => c))
                    {
                        best = best < 0 ? c : best;
                        if (Protected(cells, state, group, threshold, c))
                        {
                            settling = c;
                            break;
                        }
                    }
                    if (best >= 0)
                    {
                        Hide(settling >= 0 ? settling : best, CellState.Shielded);
                    }
                    else if (state[group.Parent] == CellState.Shown)
                    {
                        Hide(group.Parent, cells[group.Parent].Base is { } pb && pb > 0 && pb < threshold ? CellState.Small : CellState.Shielded);
                    }
                    else
                    {
                        // Nothing left to hide in this group; the other groups of its cells carry the protection.
                        break;
                    }
                }
            }
            // Groups are checked one at a time; a chain of them can still pin a cell (a hidden parent equal to its one hidden
            // child, whose other group fixes the sum). Bounds propagation over all equations finds such cells; each gets one
            // more complement in one of its groups, and the whole check runs again.
            var pinned = Pinned(cells, state, groups);
            var added = false;
            foreach (var cell in pinned)
            {
                var candidate = (groupsOf[cell] ?? []).SelectMany(g => groups[g].Children.Append(groups[g].Parent))
                    .Where(c => state[c] == CellState.Shown && cells[c].Base >= threshold)
                    .OrderBy(c => cells[c].Base).ThenBy(c => c).DefaultIfEmpty(-1).First();
                if (candidate >= 0)
                {
                    Hide(candidate, CellState.Shielded);
                    added = true;
                }
            }
            if (!added)
            {
                break;
            }
        }
        return state;
    }

    private const decimal Unbounded = 1_000_000_000_000m;

    /// <summary>Hidden cells that bounds propagation over every equation pins to one value.</summary>
    private static List<int> Pinned(IReadOnlyList<SuppressionCell> cells, CellState[] state, IReadOnlyList<SuppressionGroup> groups)
    {
        var lo = new decimal[cells.Count];
        var hi = new decimal[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            (lo[i], hi[i]) = state[i] == CellState.Shown ? (cells[i].Value, cells[i].Value) : Bounds(cells[i]);
        }
        var relevant = groups.Where(g => state[g.Parent] != CellState.Shown || g.Children.Any(c => state[c] != CellState.Shown)).ToList();
        for (var pass = 0; pass < 100; pass++)
        {
            var changed = false;
            foreach (var g in relevant)
            {
                decimal sumLo = 0, sumHi = 0;
                foreach (var c in g.Children)
                {
                    sumLo += lo[c];
                    sumHi += hi[c];
                }
                void Tighten(int c, decimal newLo, decimal newHi)
                {
                    if (state[c] == CellState.Shown)
                    {
                        return;
                    }
                    // Clamped: bounds of unbounded cells must not run off while they tighten each other.
                    newLo = Math.Min(newLo, Unbounded);
                    newHi = Math.Max(newHi, -Unbounded);
                    if (newLo > lo[c])
                    {
                        lo[c] = newLo;
                        changed = true;
                    }
                    if (newHi < hi[c])
                    {
                        hi[c] = newHi;
                        changed = true;
                    }
                }
                // parent = Σ children: the parent lies within the children's sums, a child within parent − the others.
                var (parentLo, parentHi) = (lo[g.Parent], hi[g.Parent]);
                Tighten(g.Parent, sumLo, sumHi);
                foreach (var c in g.Children)
                {
                    Tighten(c, parentLo - (sumHi - hi[c]), parentHi - (sumLo - lo[c]));
                }
            }
            if (!changed)
            {
                break;
            }
        }
        return [.. Enumerable.Range(0, cells.Count).Where(i => state[i] != CellState.Shown && hi[i] - lo[i] < 1 && hi[i] >= lo[i])];
    }

    /// <summary>True when the group's equation (parent = Σ children, visible cells filled in) leaves every hidden cell in
    /// it at least two values within what a reader knows of each: none hidden, or two or more hidden of which one rests
    /// on enough persons (its value is then unbounded above for the reader), and no hidden cell pinned by the others'
    /// bounds. <paramref name="extra"/> is a visible child counted as hidden, to try a complement.</summary>
    private static bool Protected(IReadOnlyList<SuppressionCell> cells, CellState[] state, SuppressionGroup group, int threshold, int extra)
    {
        CellState StateOf(int c) => c == extra ? CellState.Shielded : state[c];
        var hidden = 0;
        var shielded = false;
        decimal known = 0;     // Σ sign·value of the visible cells, with the parent +1 and the children −1
        decimal min = 0, max = 0; // bounds of Σ sign·x over the hidden cells
        void Term(int c, int sign)
        {
            var s = StateOf(c);
            if (s == CellState.Shown)
            {
                known += sign * cells[c].Value;
                return;
            }
            hidden++;
            shielded |= s == CellState.Shielded;
            var (lo, hi) = Bounds(cells[c]);
            min += sign > 0 ? lo : -hi;
            max += sign > 0 ? hi : -lo;
        }
        Term(group.Parent, 1);
        foreach (var c in group.Children)
        {
            Term(c, -1);
        }
        if (hidden == 0)
        {
            return true;
        }
        if (hidden == 1 || !shielded)
        {
            return false;
        }
        // Σ sign·x over hidden = −known. Each hidden cell's range given the others' bounds must hold two values.
        var target = -known;
        bool Loose(int c, int sign)
        {
            var s = StateOf(c);
            if (s == CellState.Shown)
            {
                return true;
            }
            var (lo, hi) = Bounds(cells[c]);
            var restMin = min - (sign > 0 ? lo : -hi);
            var restMax = max - (sign > 0 ? hi : -lo);
            var (from, to) = sign > 0 ? (target - restMax, target - restMin) : (restMin - target, restMax - target);
            return Math.Min(to, hi) - Math.Max(from, lo) >= 1;
        }
        return Loose(group.Parent, 1) && group.Children.All(c => Loose(c, -1));
    }

    /// <summary>What a reader knows of a hidden cell. Both kinds are published with the same mark, so only that a hidden
    /// cell that counts persons holds at least 1 (a true 0 is shown); otherwise only that it is not negative. Were "&lt; 5"
    /// and "•" told apart, the bounds 1–4 and ≥ 5 would pin cells across two overlapping groups (ADR 0016).</summary>
    private static (decimal Lo, decimal Hi) Bounds(SuppressionCell cell) =>
        cell.CountsPersons ? (1, Unbounded) : (0, Unbounded);

    private static void Add(List<int>?[] groupsOf, int cell, int group) => (groupsOf[cell] ??= []).Add(group);
}
