using FsCheck;
using FsCheck.Fluent;
using Wijkbasis.Features.Impact;

namespace Wijkbasis.Tests.Features.Impact;

/// <summary>Bonding and bridging from co-attendance (docs/decisions/0028): the pair-free computation against sessions worked
/// out by hand, and against a brute-force computation over every pair on random sessions.</summary>
public sealed class NetworkMathTests
{
    private static (int Person, string? Category)[] Session(params (int Person, string? Category)[] attendees) => attendees;

    /// <summary>Within decimal's 28 digits: a third is 0.333…3 and three of them are 0.999…9.</summary>
    private static void Near(decimal expected, decimal actual) =>
        Assert.True(Math.Abs(expected - actual) < 1e-20m, $"expected {expected}, got {actual}");

    [Fact]
    public void ThreeSessionsWorkedOutByHandGiveTheirNewmanWeightsAndEIIndex()
    {
        // Persons 1–6 with categories: 1 a, 2 a, 3 b, 4 b, 5 c, 6 unknown.
        //  S1: {1, 2, 3}        n = 3, weight per pair 1/2. Pairs: 1–2 internal (a,a); 1–3, 2–3 external.
        //  S2: {1, 3, 4, 5, 6}  n = 5, weight 1/4. Known: 1 a, 3 b, 4 b, 5 c (K = 4). Internal: 3–4. External: 1–3, 1–4,
        //                       1–5, 3–5, 4–5 (5 pairs). Pairs with 6 (4 of them) are neither.
        //  S3: {2, 1}           n = 2, weight 1. Internal: 1–2.
        // Newman ties: 1–2 = 1/2 + 1 = 3/2; 1–3 = 1/2 + 1/4 = 3/4; 2–3 = 1/2; 3–4, 1–4, 1–5, 3–5, 4–5 = 1/4 each;
        //   1–6, 3–6, 4–6, 5–6 = 1/4 each.
        // I = 1–2 + 3–4 = 3/2 + 1/4 = 7/4.  E = 1–3 + 2–3 + 1–4 + 1–5 + 3–5 + 4–5 = 3/4 + 1/2 + 4 × 1/4 = 9/4.
        // E-I = (9/4 − 7/4) / (9/4 + 7/4) = (2/4) / (16/4) = 1/8.
        // Bridging meetings (pairs across categories, per session): S1 2, S2 5, S3 0 = 7.
        // Measured (known category, met another known person): 1, 2, 3, 4, 5 = 5. Bridgers: 1 (S1, S2), 2 (S1), 3, 4, 5 (S2) = 5.
        IReadOnlyList<(int, string?)>[] sessions =
        [
            Session((1, "a"), (2, "a"), (3, "b")),
            Session((1, "a"), (3, "b"), (4, "b"), (5, "c"), (6, null)),
            Session((2, "a"), (1, "a")),
        ];
        var ties = NetworkMath.Ties(sessions);
        Assert.Equal(12, ties.Count); // S1 3 pairs, S2 10 of which 1–3 again, S3 1–2 again
        Near(1.5m, ties[(1, 2)].Weight);
        Assert.Equal(2, ties[(1, 2)].Sessions);
        Near(0.75m, ties[(1, 3)].Weight);
        Near(0.25m, ties[(5, 6)].Weight);

        var result = NetworkMath.PairFree(sessions);
        Near(7m / 4, result.Internal);
        Near(9m / 4, result.External);
        Near(1m / 8, result.Index!.Value);
        Assert.Equal(7, result.Meetings);
        Assert.Equal(5, result.Measured);
        Assert.Equal(5, result.Bridgers);
    }

    [Fact]
    public void ATableOfFiveWeighsMoreThanAFairOfTwoHundred()
    {
        // Persons 0–4 at a table of 5 (weight 1/4 each pair); persons 0 and 100–298 at a fair of 200 (1/199).
        var table = Session([.. Enumerable.Range(0, 5).Select(p => (p, (string?)"a"))]);
        var fair = Session([(0, "a"), .. Enumerable.Range(100, 199).Select(p => (p, (string?)"b"))]);
        var ties = NetworkMath.Ties([table, fair]);
        Near(1m / 4, ties[(0, 1)].Weight);
        Near(1m / 199, ties[(0, 100)].Weight);
        // Only bonding at the table (I = 10 pairs × 1/4 = 5/2); at the fair 0 meets 199 others of another buurt (E = 1)
        // and the 199 bond among themselves (I = 199 × 198 / 2 / 199 = 99).
        var result = NetworkMath.PairFree([table, fair]);
        Near(2.5m + 99m, result.Internal);
        Near(1m, result.External);
    }

    [Fact]
    public void PeopleOfUnknownCategoryAreNeitherBondingNorBridgingButStillCountInTheSessionSize()
    {
        // n = 3 (weight 1/2), one of them unknown: the only measured tie is a–b, external, 1/2.
        var result = NetworkMath.PairFree([Session((1, "a"), (2, "b"), (3, null))]);
        Near(0m, result.Internal);
        Near(0.5m, result.External);
        Assert.Equal(1m, result.Index);
        // Alone with unknowns: not measured at all.
        var alone = NetworkMath.PairFree([Session((1, "a"), (3, null))]);
        Assert.Null(alone.Index);
        Assert.Equal(0, alone.Measured);
    }

    /// <summary>Random sessions: 1–15 persons with a fixed category each (a, b, c or unknown), 0–8 sessions of random members.</summary>
    private static IReadOnlyList<(int Person, string? Category)>[] RandomSessions(int seed)
    {
        var random = new Random(seed);
        string?[] categories = ["a", "b", "c", null];
        var persons = random.Next(1, 16);
        var category = Enumerable.Range(0, persons).Select(_ => categories[random.Next(categories.Length)]).ToArray();
        return [.. Enumerable.Range(0, random.Next(0, 9)).Select(_ =>
            (IReadOnlyList<(int, string?)>)[.. Enumerable.Range(0, persons).Where(_ => random.Next(3) > 0).Select(p => (p, category[p]))])];
    }

    /// <summary>The brute force: the Newman network materialised pair by pair, then E and I summed over its ties, bridging
    /// meetings as co-attendances across categories, and each person's ties looked at.</summary>
    private static NetworkMath.Result BruteForce(IReadOnlyList<(int Person, string? Category)>[] sessions)
    {
        var category = sessions.SelectMany(s => s).DistinctBy(a => a.Person).ToDictionary(a => a.Person, a => a.Category);
        var ties = NetworkMath.Ties(sessions);
        decimal i = 0, e = 0;
        long meetings = 0;
        var measured = new HashSet<int>();
        var bridgers = new HashSet<int>();
        foreach (var ((u, v), (weight, count)) in ties)
        {
            if (category[u] is not { } cu || category[v] is not { } cv)
            {
                continue;
            }
            measured.Add(u);
            measured.Add(v);
            if (cu == cv)
            {
                i += weight;
            }
            else
            {
                e += weight;
                meetings += count;
                bridgers.Add(u);
                bridgers.Add(v);
            }
        }
        return new NetworkMath.Result(i, e, meetings, measured.Count, bridgers.Count);
    }

    [Fact]
    public void ThePairFreeComputationEqualsABruteForcePairComputationOnRandomSessions()
    {
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue - 1)), seed =>
        {
            var sessions = RandomSessions(seed);
            var pairFree = NetworkMath.PairFree(sessions);
            var brute = BruteForce(sessions);
            return Math.Abs(pairFree.Internal - brute.Internal) < 1e-20m && Math.Abs(pairFree.External - brute.External) < 1e-20m
                && pairFree.Meetings == brute.Meetings && pairFree.Measured == brute.Measured && pairFree.Bridgers == brute.Bridgers
                && (pairFree.Index is null) == (brute.Index is null)
                && (pairFree.Index is null || Math.Abs(pairFree.Index.Value - brute.Index!.Value) < 1e-20m);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500).WithQuietOnSuccess(true), property);
    }
}
