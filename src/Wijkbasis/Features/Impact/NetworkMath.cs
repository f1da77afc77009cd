namespace Wijkbasis.Features.Impact;

/// <summary>Bonding and bridging from co-attendance (docs/decisions/0028), without materialising a pair.
/// <para>The network: two people who were checked in by name at the same session are tied; each session with n named
/// attendees adds 1/(n − 1) to the tie (Newman's projection), so a tie from a table of 5 weighs more than one from a fair
/// of 200. A tie is internal (bonding) when both people are in the same category (age band, buurt) and external
/// (bridging) when they are in different ones; a tie with a person whose category is unknown is neither.</para>
/// <para>Pair-free: per session only its size n, the number K of attendees with a known category and the count k_c per
/// category matter. Seen from one attendee of category c, the session adds (k_c − 1)/(n − 1) to their internal weight
/// and (K − k_c)/(n − 1) to their external weight; summed over the session's attendees that is twice the session's
/// internal weight Σ_c k_c(k_c−1)/2 /(n−1) and twice its external weight (K(K−1)/2 − Σ_c k_c(k_c−1)/2)/(n−1). Each
/// tie has two ends, so the E-I index (E − I)/(E + I) is the same whether ties or ends are summed, and ends can be
/// counted in the row of each person's own enterprise and buurt. The weights are kept as integer numerators per
/// denominator (n − 1) and divided only at the end, in one order, so both databases give the same decimals.</para></summary>
public static class NetworkMath
{
    /// <summary>One attendee's end of a session: the session's size, how many of its attendees have a known category and how
    /// many of those share this attendee's category (0 when the attendee's own category is unknown).</summary>
    public readonly record struct End(int N, int Known, int Own)
    {
        public bool OwnKnown => Own > 0;
        /// <summary>Numerator of this end's internal (bonding) weight, over n − 1.</summary>
        public int Internal => OwnKnown && N >= 2 ? Own - 1 : 0;
        /// <summary>Numerator of this end's external (bridging) weight, over n − 1; also the number of people of another
        /// category this attendee met at the session (the "bridging meetings" count).</summary>
        public int External => OwnKnown && N >= 2 ? Known - Own : 0;
        /// <summary>Met at least one other person whose category is known: the end takes part in the E-I index.</summary>
        public bool Measured => OwnKnown && Known >= 2;
        public bool Bridges => External > 0;
    }

    /// <summary>Weighted sums kept exact: per denominator d = n − 1 the integer numerators of internal and external weight.</summary>
    public sealed class Weights
    {
        private readonly SortedDictionary<int, (long Internal, long External)> byDenominator = [];

        public void Add(int n, long internalNumerator, long externalNumerator)
        {
            if (n < 2 || internalNumerator == 0 && externalNumerator == 0)
            {
                return;
            }
            var (i, e) = byDenominator.GetValueOrDefault(n - 1);
            byDenominator[n - 1] = (i + internalNumerator, e + externalNumerator);
        }

        public void Add(End end) => Add(end.N, end.Internal, end.External);

        /// <summary>I: the internal (bonding) weight.</summary>
        public decimal Internal => byDenominator.Sum(x => (decimal)x.Value.Internal / x.Key);
        /// <summary>E: the external (bridging) weight.</summary>
        public decimal External => byDenominator.Sum(x => (decimal)x.Value.External / x.Key);
        /// <summary>Bridging meetings: people of another category met, counted at both ends and per session.</summary>
        public long Meetings => byDenominator.Sum(x => x.Value.External);
        public bool IsEmpty => byDenominator.Count == 0;

        /// <summary>(E − I)/(E + I); null when there is no tie between people with a known category.</summary>
        public decimal? Index => External + Internal is > 0 and var all ? (External - Internal) / all : null;
    }

    /// <summary>The figures of one network, computed pair-free from the sessions' compositions.</summary>
    public sealed record Result(decimal Internal, decimal External, long Meetings, int Measured, int Bridgers)
    {
        public decimal? Index => External + Internal is > 0 and var all ? (External - Internal) / all : null;
    }

    /// <summary>Pair-free: each session is the list of its named attendees with their category (null: unknown). Only per
    /// session the counts per category are used; per person whether some session had someone of another known category.</summary>
    public static Result PairFree(IEnumerable<IReadOnlyList<(int Person, string? Category)>> sessions)
    {
        var weights = new Weights();
        var measured = new HashSet<int>();
        var bridgers = new HashSet<int>();
        foreach (var session in sessions)
        {
            var n = session.Count;
            var counts = session.Where(a => a.Category is not null).GroupBy(a => a.Category!).ToDictionary(g => g.Key, g => g.Count());
            var known = counts.Values.Sum();
            foreach (var (person, category) in session)
            {
                var end = new End(n, known, category is null ? 0 : counts[category]);
                weights.Add(end);
                if (end.Measured)
                {
                    measured.Add(person);
                }
                if (end.Bridges)
                {
                    bridgers.Add(person);
                }
            }
        }
        // Ends were summed: every tie counted twice, at both of its ends.
        return new Result(weights.Internal / 2, weights.External / 2, weights.Meetings / 2, measured.Count, bridgers.Count);
    }

    /// <summary>The Newman-weighted network itself: every pair of people who met, with its weight (as an exact fraction
    /// per denominator is not needed here: the weights of one pair are summed as decimals).</summary>
    public static Dictionary<(int, int), (decimal Weight, int Sessions)> Ties(IEnumerable<IReadOnlyList<(int Person, string? Category)>> sessions)
    {
        var ties = new Dictionary<(int, int), (decimal Weight, int Sessions)>();
        foreach (var session in sessions)
        {
            var n = session.Count;
            for (var a = 0; a < n; a++)
            {
                for (var b = a + 1; b < n; b++)
                {
                    var key = (Math.Min(session[a].Person, session[b].Person), Math.Max(session[a].Person, session[b].Person));
                    var (w, s) = ties.GetValueOrDefault(key);
                    ties[key] = (w + 1m / (n - 1), s + 1);
                }
            }
        }
        return ties;
    }
}
