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
    /// <summary>The whole rule, from the first cell to the last round.</summary>
    public TimeSpan TotalTime { get; set; }
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
    /// first one that settles the group), and with no such child left a visible parent is hidden. When the groups have
    /// settled, the exact audit (SuppressionAudit, below) looks at all equations at once; every hidden cell they
    /// determine, alone or with the reader's bounds, gets one more complement, and everything runs again.</summary>
    public static CellState[] Apply(IReadOnlyList<SuppressionCell> cells, IReadOnlyList<SuppressionGroup> groups, int threshold = Threshold,
        SuppressionStats? stats = null)
    {
        var total = System.Diagnostics.Stopwatch.StartNew();
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
        if (stats is not null)
        {
            stats.TotalTime = total.Elapsed;
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
    private static readonly long[] One = [1];

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

        // Linearly determined: a reduced row with one cell (e_j is in the row space).
        var determined = new bool[hidden.Count];
        foreach (var (cols, _) in reduced)
        {
            if (cols.Length == 1)
            {
                determined[cols[0]] = true;
            }
        }
        // Pinned by bounds. A reader knows of a hidden cell only a lower bound (1 for persons, else 0; upper bounds come
        // from the equations themselves), so the values the reader thinks possible are P = {x : equations, x ≥ lo}, which
        // holds the truth x*. A cell is constant over P iff it is constant over P's affine hull: the equations plus
        // x_i = lo_i for every cell i that no point of P lifts off its bound. Only cells at their bound in the truth can be
        // such cells; one is, iff no direction d of the null space with d ≥ 0 on those cells has d_i > 0 (see Lifted).
        // Those equalities are added and the elimination runs again: what it then determines, bounds pin.
        var atBound = Enumerable.Range(0, hidden.Count)
            .Where(k => !determined[k] && cells[hidden[k]].Value <= Suppression.Bounds(cells[hidden[k]]).Lo).ToList();
        if (atBound.Count > 0)
        {
            var lifted = reduced.Any(r => r.Coefs.Length != r.Cols.Length) ? new bool[atBound.Count] : Lifted(hidden.Count, reduced, atBound);
            var stuck = atBound.Where((_, i) => !lifted[i]).ToList();
            if (stuck.Count > 0)
            {
                var more = equations.Concat(stuck.Select(k => (Cols: new[] { k }, Coefs: One))).ToList();
                try
                {
                    reduced = Reduce<long>(hidden.Count, more);
                }
                catch (OverflowException)
                {
                    reduced = Reduce<System.Numerics.BigInteger>(hidden.Count, more);
                }
                foreach (var (cols, _) in reduced)
                {
                    if (cols.Length == 1)
                    {
                        determined[cols[0]] = true;
                    }
                }
            }
        }
        return [.. Enumerable.Range(0, hidden.Count).Where(k => determined[k]).Select(k => hidden[k])];
    }

    /// <summary>For each cell of <paramref name="atBound"/>: true when some direction d of the equations' null space
    /// keeps every cell of <paramref name="atBound"/> from decreasing (d ≥ 0 there) and raises this one (d &gt; 0), so a
    /// small step from the truth along d is another value the reader must allow. Such directions form a cone; one
    /// linear programme finds its whole support: maximise Σ s_i with 0 ≤ s_i ≤ 1 and s_i ≤ d_i, d = N·t over the null
    /// space basis N (free columns of the reduced rows), d ≥ 0 on the cells at their bound. The cone is closed under sums
    /// and scaling, so the optimum sets s_i = 1 exactly on the support. Dense simplex with Bland's rule (no cycling);
    /// if it does not finish, every cell counts as not lifted (more hiding, never less).</summary>
    private static bool[] Lifted(int columns, List<(int[] Cols, decimal[] Coefs)> reduced, List<int> atBound)
    {
        var pivotRow = new Dictionary<int, (int[] Cols, decimal[] Coefs)>();
        foreach (var row in reduced)
        {
            pivotRow[row.Cols[0]] = row;
        }
        var free = new Dictionary<int, int>();
        for (var c = 0; c < columns; c++)
        {
            if (!pivotRow.ContainsKey(c))
            {
                free[c] = free.Count;
            }
        }
        var m = atBound.Count;
        var f = free.Count;
        var result = new bool[m];
        if (f == 0 || m > 800)
        {
            return result;
        }
        // d_k over the free parameters t: a free cell is its own parameter; a pivot cell is −Σ (a_c / a_k)·t_c.
        var n = new double[m][];
        for (var i = 0; i < m; i++)
        {
            n[i] = new double[f];
            var k = atBound[i];
            if (free.TryGetValue(k, out var own))
            {
                n[i][own] = 1;
            }
            else
            {
                var (cols, coefs) = pivotRow[k];
                for (var j = 1; j < cols.Length; j++)
                {
                    n[i][free[cols[j]]] = -(double)(coefs[j] / coefs[0]);
                }
            }
        }
        // Variables: s (m), t⁺ (f), t⁻ (f), then the slacks of the 2m rows; the last column the right-hand side.
        var vars = m + (2 * f);
        var rows = 2 * m;
        var width = vars + rows + 1;
        var rhs = width - 1;
        var t = new double[rows + 1][];
        for (var r = 0; r <= rows; r++)
        {
            t[r] = new double[width];
        }
        var basis = new int[rows];
        for (var i = 0; i < m; i++)
        {
            // s_i − d_i ≤ 0
            t[i][i] = 1;
            for (var j = 0; j < f; j++)
            {
                t[i][m + j] = -n[i][j];
                t[i][m + f + j] = n[i][j];
            }
            t[i][vars + i] = 1;
            basis[i] = vars + i;
            // s_i ≤ 1
            t[m + i][i] = 1;
            t[m + i][vars + m + i] = 1;
            t[m + i][rhs] = 1;
            basis[m + i] = vars + m + i;
            t[rows][i] = -1;
        }
        const double Eps = 1e-9;
        for (var iteration = 0; ; iteration++)
        {
            if (iteration > 20_000)
            {
                return new bool[m];
            }
            var entering = -1;
            for (var j = 0; j < rhs; j++)
            {
                if (t[rows][j] < -Eps)
                {
                    entering = j;
                    break;
                }
            }
            if (entering < 0)
            {
                break;
            }
            var leaving = -1;
            var best = double.PositiveInfinity;
            for (var r = 0; r < rows; r++)
            {
                if (t[r][entering] > Eps)
                {
                    var ratio = t[r][rhs] / t[r][entering];
                    if (ratio < best - Eps || (ratio < best + Eps && leaving >= 0 && basis[r] < basis[leaving]))
                    {
                        (best, leaving) = (Math.Min(ratio, best), r);
                    }
                }
            }
            if (leaving < 0)
            {
                return new bool[m];
            }
            var pivot = t[leaving][entering];
            var pr = t[leaving];
            for (var j = 0; j < width; j++)
            {
                pr[j] /= pivot;
            }
            for (var r = 0; r <= rows; r++)
            {
                var factor = t[r][entering];
                if (r == leaving || factor == 0)
                {
                    continue;
                }
                var row = t[r];
                for (var j = 0; j < width; j++)
                {
                    row[j] -= factor * pr[j];
                }
            }
            basis[leaving] = entering;
        }
        for (var r = 0; r < rows; r++)
        {
            if (basis[r] < m && t[r][rhs] > 0.5)
            {
                result[basis[r]] = true;
            }
        }
        return result;
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
                // A coefficient too large for a decimal (never seen in sums of ±1) gives up the bounds check: every cell
                // at its bound then counts as pinned (Component).
                try
                {
                    result.Add((r.Cols, [.. r.Coefs.Select(decimal.CreateChecked)]));
                }
                catch (OverflowException)
                {
                    result.Add((r.Cols, []));
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
