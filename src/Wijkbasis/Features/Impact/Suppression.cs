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

/// <summary>What one run of the rule cost, for the timing test and the ADR's figures.</summary>
public sealed class SuppressionStats
{
    /// <summary>Audits run (each after the group checks settled).</summary>
    public int Rounds { get; set; }
    public TimeSpan AuditTime { get; set; }
    /// <summary>Time in the group checks (the worklist), all rounds.</summary>
    public TimeSpan GroupTime { get; set; }
    /// <summary>Connected sets of hidden cells audited, over all rounds, and the largest (hidden cells, equations).</summary>
    public int Components { get; set; }
    public int LargestComponent { get; set; }
    public int LargestEquations { get; set; }
}

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
    public static CellState[] Apply(IReadOnlyList<SuppressionCell> cells, IReadOnlyList<SuppressionGroup> groups, int threshold = Threshold,
        SuppressionStats? stats = null)
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
        // Cells hidden since the last audit: only the components that hold one are audited again.
        var dirty = new bool[cells.Count];
        Array.Fill(dirty, true);
        void Hide(int cell, CellState how)
        {
            state[cell] = how;
            dirty[cell] = true;
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
            var groupWatch = System.Diagnostics.Stopwatch.StartNew();
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
            // child, whose other group fixes the sum), and a combination of equations of crossing families (units × months,
            // indicator copies) can determine a hidden cell no single group shows. The exact audit finds both; each such
            // cell gets one more complement (unless a complement of this round already sits in one of its groups) and
            // everything runs again.
            if (stats is not null)
            {
                stats.GroupTime += groupWatch.Elapsed;
            }
            var added = false;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var determined = SuppressionAudit.Determined(cells, state, groups, groupsOf, dirty, stats);
            Array.Clear(dirty);
            if (stats is not null)
            {
                stats.Rounds++;
                stats.AuditTime += watch.Elapsed;
            }
            var round = new HashSet<int>();
            foreach (var cell in determined)
            {
                added |= Complement(cell, round);
            }
            if (!added)
            {
                break;
            }
        }
        return state;

        // One more complement for a hidden cell a reader can pin: the visible cell resting on the fewest persons (≥ the
        // threshold) in a group of that cell, else in a group of any hidden cell tied to it by a group.
        bool Complement(int cell, HashSet<int>? round)
        {
            var mine = groupsOf[cell] ?? [];
            if (round is not null && mine.Any(round.Contains))
            {
                return true;
            }
            var candidate = Cheapest(mine);
            if (candidate < 0)
            {
                var near = mine.SelectMany(g => groups[g].Children.Append(groups[g].Parent)).Where(c => state[c] != CellState.Shown)
                    .SelectMany(c => groupsOf[c] ?? []).Distinct();
                candidate = Cheapest(near);
            }
            if (candidate < 0)
            {
                return false;
            }
            Hide(candidate, CellState.Shielded);
            round?.UnionWith(groupsOf[candidate] ?? []);
            return true;
        }

        int Cheapest(IEnumerable<int> within) => within.SelectMany(g => groups[g].Children.Append(groups[g].Parent))
            .Where(c => state[c] == CellState.Shown && cells[c].Base >= threshold)
            .OrderBy(c => cells[c].Base).ThenBy(c => c).DefaultIfEmpty(-1).First();
    }

    internal const decimal Unbounded = 1_000_000_000_000m;

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
    internal static (decimal Lo, decimal Hi) Bounds(SuppressionCell cell) =>
        cell.CountsPersons ? (1, Unbounded) : (0, Unbounded);

    private static void Add(List<int>?[] groupsOf, int cell, int group) => (groupsOf[cell] ??= []).Add(group);
}

/// <summary>The exact audit of ADR 0016: which hidden cells the published equations determine, alone or in any linear
/// combination, and which the bounds a reader knows pin through those combinations. Per connected set of hidden cells
/// (cells tied by a group), sparse Gaussian elimination in exact integer arithmetic (fraction-free, rows kept divided by
/// their gcd; 64-bit with overflow checks, redone with big integers if a coefficient ever overflows).</summary>
internal static class SuppressionAudit
{
    /// <summary>Hidden cells a reader can compute: e_j lies in the row space of the equations restricted to the hidden
    /// cells (the visible cells are constants), or the reduced equations and the reader's bounds leave j one value.
    /// Only the components holding a cell marked in <paramref name="dirty"/> are audited (the others are unchanged
    /// since their last audit).</summary>
    public static List<int> Determined(IReadOnlyList<SuppressionCell> cells, CellState[] state, IReadOnlyList<SuppressionGroup> groups,
        List<int>?[] groupsOf, bool[] dirty, SuppressionStats? stats = null)
    {
        // Components: union-find over the hidden cells of every group.
        var parent = new int[cells.Count];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }
        var touched = new List<int>();
        var seen = new bool[groups.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            if (state[i] == CellState.Shown)
            {
                continue;
            }
            foreach (var g in groupsOf[i] ?? [])
            {
                if (seen[g])
                {
                    continue;
                }
                seen[g] = true;
                touched.Add(g);
                var first = -1;
                foreach (var c in Members(groups[g]))
                {
                    if (state[c] == CellState.Shown)
                    {
                        continue;
                    }
                    if (first < 0)
                    {
                        first = Find(c);
                    }
                    else
                    {
                        var r = Find(c);
                        if (r != first)
                        {
                            parent[r] = first;
                        }
                    }
                }
            }
        }
        var components = new Dictionary<int, List<int>>();
        var audit = new HashSet<int>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (state[i] != CellState.Shown)
            {
                var root = Find(i);
                if (!components.TryGetValue(root, out var list))
                {
                    components[root] = list = [];
                }
                list.Add(i);
                if (dirty[i])
                {
                    audit.Add(root);
                }
            }
        }
        var rowsOf = new Dictionary<int, List<int>>();
        foreach (var g in touched)
        {
            var root = Find(Members(groups[g]).First(c => state[c] != CellState.Shown));
            if (audit.Contains(root))
            {
                if (!rowsOf.TryGetValue(root, out var list))
                {
                    rowsOf[root] = list = [];
                }
                list.Add(g);
            }
        }
        var result = new List<int>();
        foreach (var root in audit)
        {
            if (stats is not null)
            {
                stats.Components++;
                stats.LargestComponent = Math.Max(stats.LargestComponent, components[root].Count);
                stats.LargestEquations = Math.Max(stats.LargestEquations, rowsOf.GetValueOrDefault(root)?.Count ?? 0);
            }
            result.AddRange(Component(cells, state, groups, components[root], rowsOf.GetValueOrDefault(root) ?? []));
        }
        return result;
    }

    private static IEnumerable<int> Members(SuppressionGroup group) => group.Children.Prepend(group.Parent);

    /// <summary>One component: its hidden cells are the columns (in cell order), its groups the rows.</summary>
    private static List<int> Component(IReadOnlyList<SuppressionCell> cells, CellState[] state, IReadOnlyList<SuppressionGroup> groups,
        List<int> hidden, List<int> rowGroups)
    {
        var column = new Dictionary<int, int>(hidden.Count);
        for (var k = 0; k < hidden.Count; k++)
        {
            column[hidden[k]] = k;
        }
        var equations = new List<(int[] Cols, long[] Coefs)>(rowGroups.Count);
        foreach (var g in rowGroups)
        {
            var terms = new SortedDictionary<int, long>();
            void Term(int cell, long sign)
            {
                if (state[cell] != CellState.Shown)
                {
                    var k = column[cell];
                    terms[k] = terms.GetValueOrDefault(k) + sign;
                }
            }
            Term(groups[g].Parent, 1);
            foreach (var c in groups[g].Children)
            {
                Term(c, -1);
            }
            var nonZero = terms.Where(t => t.Value != 0).ToList();
            if (nonZero.Count > 0)
            {
                equations.Add(([.. nonZero.Select(t => t.Key)], [.. nonZero.Select(t => t.Value)]));
            }
        }
        List<(int[] Cols, decimal[] Coefs)> reduced;
        try
        {
            reduced = Reduce<long>(hidden.Count, equations);
        }
        catch (OverflowException)
        {
            reduced = Reduce<System.Numerics.BigInteger>(hidden.Count, equations);
        }

        // Determined: a reduced row with one cell. Pinned: the reader's bounds propagated over the original and the
        // reduced equations (the constant of each is the combination of the true values, as the reader computes it from
        // the visible cells) leave fewer than two integers.
        var lo = new decimal[hidden.Count];
        var hi = new decimal[hidden.Count];
        for (var k = 0; k < hidden.Count; k++)
        {
            (lo[k], hi[k]) = Suppression.Bounds(cells[hidden[k]]);
        }
        // Rows with huge coefficients (never seen in sums of ±1 over units and times) stay out of the bounds check, where
        // they could overflow a decimal against the open upper bounds.
        var all = equations.Select(e => (e.Cols, Coefs: e.Coefs.Select(c => (decimal)c).ToArray())).Concat(reduced)
            .Where(e => e.Coefs.All(c => Math.Abs(c) <= 1_000_000m)).ToList();
        var constant = all.Select(e => e.Cols.Select((k, i) => e.Coefs[i] * cells[hidden[k]].Value).Sum()).ToArray();
        // An open upper bound is infinite: a bound computed from it stays open, so bounds never creep down in small steps.
        var open = new bool[hidden.Count];
        for (var k = 0; k < hidden.Count; k++)
        {
            open[k] = hi[k] >= Suppression.Unbounded;
        }
        for (var pass = 0; pass < 50; pass++)
        {
            var changed = false;
            for (var r = 0; r < all.Count; r++)
            {
                var (cols, coefs) = all[r];
                // Σ a·x within [min, max]; terms with an open end counted apart.
                decimal min = 0, max = 0;
                int openMin = 0, openMax = 0;
                for (var i = 0; i < cols.Length; i++)
                {
                    var (a, k) = (coefs[i], cols[i]);
                    if (a > 0)
                    {
                        min += a * lo[k];
                        if (open[k]) { openMax++; } else { max += a * hi[k]; }
                    }
                    else
                    {
                        max += a * lo[k];
                        if (open[k]) { openMin++; } else { min += a * hi[k]; }
                    }
                }
                for (var i = 0; i < cols.Length; i++)
                {
                    var (a, k) = (coefs[i], cols[i]);
                    // a·x_k = constant − rest: rest's bounds without x_k's own term.
                    var ownMin = a > 0 ? a * lo[k] : (open[k] ? 0 : a * hi[k]);
                    var ownMax = a > 0 ? (open[k] ? 0 : a * hi[k]) : a * lo[k];
                    var restMinOpen = openMin - (a < 0 && open[k] ? 1 : 0) > 0;
                    var restMaxOpen = openMax - (a > 0 && open[k] ? 1 : 0) > 0;
                    var restMin = min - ownMin;
                    var restMax = max - ownMax;
                    // x_k ≥ (constant − restMax)/a for a > 0, ≥ (constant − restMin)/a for a < 0; the other end likewise.
                    var (fromOpen, toOpen) = a > 0 ? (restMaxOpen, restMinOpen) : (restMinOpen, restMaxOpen);
                    if (!fromOpen)
                    {
                        var from = (constant[r] - (a > 0 ? restMax : restMin)) / a;
                        if (from > lo[k] + 0.000001m)
                        {
                            lo[k] = from;
                            changed = true;
                        }
                    }
                    if (!toOpen)
                    {
                        var to = (constant[r] - (a > 0 ? restMin : restMax)) / a;
                        if (open[k] || to < hi[k] - 0.000001m)
                        {
                            (hi[k], open[k]) = (to, false);
                            changed = true;
                        }
                    }
                }
            }
            if (!changed)
            {
                break;
            }
        }
        var determined = new List<int>();
        var single = new bool[hidden.Count];
        foreach (var (cols, _) in reduced)
        {
            if (cols.Length == 1)
            {
                single[cols[0]] = true;
            }
        }
        for (var k = 0; k < hidden.Count; k++)
        {
            // Integers in [lo, hi]: fewer than two when the range is narrower than 1 (rounded inward).
            if (single[k] || (!open[k] && Math.Floor(hi[k]) - Math.Ceiling(lo[k]) < 1))
            {
                determined.Add(hidden[k]);
            }
        }
        return determined;
    }

    /// <summary>Reduced row echelon form of the rows over the rationals, in integers: each row is scaled to integer
    /// coefficients with gcd 1. The pivot of a row is its leftmost column; the forward pass reduces each new row by the
    /// pivots before it, the backward pass clears every pivot column from the other rows.</summary>
    private static List<(int[] Cols, decimal[] Coefs)> Reduce<T>(int columns, List<(int[] Cols, long[] Coefs)> equations)
        where T : System.Numerics.IBinaryInteger<T>
    {
        var pivot = new (int[] Cols, T[] Coefs)?[columns];
        foreach (var (c0, k0) in equations)
        {
            var row = (Cols: c0, Coefs: k0.Select(T.CreateChecked).ToArray());
            var pos = 0;
            while (pos < row.Cols.Length)
            {
                if (pivot[row.Cols[pos]] is { } p)
                {
                    row = Eliminate(row, pos, p);
                }
                else
                {
                    pos++;
                }
            }
            if (row.Cols.Length > 0)
            {
                pivot[row.Cols[0]] = row;
            }
        }
        for (var c = columns - 1; c >= 0; c--)
        {
            if (pivot[c] is not { } row)
            {
                continue;
            }
            var pos = 1;
            while (pos < row.Cols.Length)
            {
                if (pivot[row.Cols[pos]] is { } p)
                {
                    row = Eliminate(row, pos, p);
                }
                else
                {
                    pos++;
                }
            }
            pivot[c] = row;
        }
        var result = new List<(int[] Cols, decimal[] Coefs)>();
        foreach (var row in pivot)
        {
            if (row is { } r)
            {
                // A coefficient too large for a decimal leaves the row out of the bounds check (its single-cell test
                // needs no coefficient).
                decimal[] coefs;
                try
                {
                    coefs = [.. r.Coefs.Select(decimal.CreateChecked)];
                }
                catch (OverflowException)
                {
                    coefs = r.Cols.Length == 1 ? [1m] : [];
                }
                if (coefs.Length > 0)
                {
                    result.Add((r.Cols, coefs));
                }
            }
        }
        return result;
    }

    /// <summary>row − (row[pos] / p[pivot])·p, scaled to integers: the column at <paramref name="pos"/> drops out, the
    /// columns before it stay, and the pivot row adds only columns after it.</summary>
    private static (int[] Cols, T[] Coefs) Eliminate<T>((int[] Cols, T[] Coefs) row, int pos, (int[] Cols, T[] Coefs) p)
        where T : System.Numerics.IBinaryInteger<T>
    {
        var a = p.Coefs[0];
        var b = row.Coefs[pos];
        var g = Gcd(a, b);
        (a, b) = (a / g, b / g);
        // a·row − b·p
        var cols = new List<int>(row.Cols.Length + p.Cols.Length);
        var coefs = new List<T>(cols.Capacity);
        int i = 0, j = 0;
        while (i < row.Cols.Length || j < p.Cols.Length)
        {
            T value;
            int col;
            if (j >= p.Cols.Length || (i < row.Cols.Length && row.Cols[i] < p.Cols[j]))
            {
                (col, value) = (row.Cols[i], checked(a * row.Coefs[i]));
                i++;
            }
            else if (i >= row.Cols.Length || p.Cols[j] < row.Cols[i])
            {
                (col, value) = (p.Cols[j], checked(-(b * p.Coefs[j])));
                j++;
            }
            else
            {
                (col, value) = (row.Cols[i], checked((a * row.Coefs[i]) - (b * p.Coefs[j])));
                i++;
                j++;
            }
            if (!T.IsZero(value))
            {
                cols.Add(col);
                coefs.Add(value);
            }
        }
        var d = T.Zero;
        foreach (var v in coefs)
        {
            d = Gcd(d, v);
        }
        if (!T.IsZero(d) && d != T.One)
        {
            for (var k = 0; k < coefs.Count; k++)
            {
                coefs[k] /= d;
            }
        }
        return ([.. cols], [.. coefs]);
    }

    private static T Gcd<T>(T a, T b) where T : System.Numerics.IBinaryInteger<T>
    {
        a = T.Abs(a);
        b = T.Abs(b);
        while (!T.IsZero(b))
        {
            (a, b) = (b, a % b);
        }
        return a;
    }
}
