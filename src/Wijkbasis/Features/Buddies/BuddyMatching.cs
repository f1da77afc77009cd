using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Buddies;

/// <summary>What the resident needs, as the matcher sees it. Tags and languages as stored (see <see cref="Tags"/>).</summary>
public sealed record MatchRequest(CaseWeight Weight, string Languages, string NeedTags, string? Postcode, int Availability, bool OverrideKind = false);

/// <summary>A candidate with the number of residents they hold on to now.</summary>
public sealed record MatchCandidate(Guid BuddyId, string Name, BuddyKind Kind, string Skills, string Languages, string? Postcode,
    int Availability, int MaxResidents, int ActiveCases, DateOnly? VogExpiresOn);

public sealed record MatchSuggestion(Guid BuddyId, string Name, BuddyKind Kind, int Score, IReadOnlyList<string> Reasons);

/// <summary>An enterprise's buddies made ready for matching: every tag split once and numbered (and kept as bits, so
/// "how many in common" is a popcount), every postcode's number parsed, the open cases each holds next to them, and
/// the volunteer types and the professionals in two lists of their own. Immutable, so one pool serves many requests
/// at once (see <see cref="BuddyPoolCache"/>).</summary>
public sealed class MatchPool
{
    private readonly Dictionary<string, int> numbers;
    private readonly List<string> words;

    private MatchPool(Guid stamp, Member[] members, IReadOnlyDictionary<Guid, int> loads, Dictionary<string, int> numbers, List<string> words)
    {
        Stamp = stamp;
        Members = members;
        Loads = loads;
        this.numbers = numbers;
        this.words = words;
        Width = Math.Max(1, (words.Count + 63) / 64);
        Bits = new ulong[members.Length * 2 * Width];
        Load = new int[members.Length];
        var volunteerTypes = new List<int>();
        var professionals = new List<int>();
        for (var i = 0; i < members.Length; i++)
        {
            var m = members[i];
            foreach (var t in m.Skills)
            {
                Bits[(2 * i * Width) + (t >> 6)] |= 1UL << (t & 63);
            }
            foreach (var t in m.Languages)
            {
                Bits[((2 * i) + 1) * Width + (t >> 6)] |= 1UL << (t & 63);
            }
            Load[i] = loads.GetValueOrDefault(m.Candidate.BuddyId);
            (m.Candidate.Kind == BuddyKind.Professional ? professionals : volunteerTypes).Add(i);
        }
        VolunteerTypes = [.. volunteerTypes];
        Professionals = [.. professionals];
    }

    /// <summary>The enterprise's pool stamp this pool was read under (see <see cref="BuddyPoolCache"/>).</summary>
    public Guid Stamp { get; }

    internal Member[] Members { get; }

    /// <summary>Open cases per buddy (a buddy missing here holds none).</summary>
    public IReadOnlyDictionary<Guid, int> Loads { get; }

    public int Count => Members.Length;

    /// <summary>ulongs per tag set: enough bits for every word in the pool.</summary>
    internal int Width { get; }

    /// <summary>Per member, its skills then its languages, <see cref="Width"/> ulongs each.</summary>
    internal ulong[] Bits { get; }

    /// <summary>Open cases per member, in member order.</summary>
    internal int[] Load { get; }

    internal int[] VolunteerTypes { get; }

    internal int[] Professionals { get; }

    internal sealed record Member(MatchCandidate Candidate, int[] Skills, int[] Languages, int? Postcode);

    /// <summary>A pool of these candidates; their loads from <paramref name="loads"/>, or else their own ActiveCases.</summary>
    public static MatchPool Prepare(IEnumerable<MatchCandidate> candidates, IReadOnlyDictionary<Guid, int>? loads = null, Guid stamp = default)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<string>();
        int[] Number(string stored) => Tags.Split(stored).Select(tag =>
        {
            if (!numbers.TryGetValue(tag, out var n))
            {
                numbers[tag] = n = words.Count;
                words.Add(tag);
            }
            return n;
        }).ToArray();
        var members = candidates.Select(c => new Member(c, Number(c.Skills), Number(c.Languages), BuddyMatching.Pc4(c.Postcode))).ToArray();
        loads ??= members.Where(m => m.Candidate.ActiveCases != 0).ToDictionary(m => m.Candidate.BuddyId, m => m.Candidate.ActiveCases);
        return new MatchPool(stamp, members, loads, numbers, words);
    }

    /// <summary>A request's tags as bits of the pool's word numbers; tags no buddy has are left out (they can match no
    /// one). <paramref name="any"/>: it named one.</summary>
    internal ulong[] Lookup(string stored, out bool any)
    {
        var tags = Tags.Split(stored);
        any = tags.Count > 0;
        var bits = new ulong[Width];
        foreach (var tag in tags)
        {
            if (numbers.TryGetValue(tag, out var t))
            {
                bits[t >> 6] |= 1UL << (t & 63);
            }
        }
        return bits;
    }

    /// <summary>How many of member <paramref name="i"/>'s skills (<paramref name="set"/> 0) or languages (1) are in <paramref name="wanted"/>.</summary>
    internal int Common(int i, int set, ulong[] wanted)
    {
        var offset = ((2 * i) + set) * Width;
        var n = 0;
        for (var k = 0; k < wanted.Length; k++)
        {
            n += System.Numerics.BitOperations.PopCount(Bits[offset + k] & wanted[k]);
        }
        return n;
    }

    /// <summary>The words of <paramref name="theirs"/> that are also wanted, in the buddy's order.</summary>
    internal string Words(int[] theirs, ulong[] wanted) =>
        string.Join(", ", theirs.Where(t => (wanted[t >> 6] & (1UL << (t & 63))) != 0).Select(t => words[t]));
}

/// <summary>Proposes buddies, best first, with the reasons in words. Hard limits first: a volunteer-type buddy
/// needs a valid VOG, a full buddy takes no one new, and light help goes to volunteer types, heavy help to
/// professionals (unless the wijkverbinder overrides that with a reason). Then points for a language in common,
/// skills that fit the needs, a postcode nearby, room in their load and matching availability.</summary>
public static class BuddyMatching
{
    public static bool KindFits(CaseWeight weight, BuddyKind kind) =>
        weight == CaseWeight.Heavy ? kind == BuddyKind.Professional : kind != BuddyKind.Professional;

    /// <summary>Why this buddy cannot be matched at all, or null.</summary>
    public static Refusal? Blocker(MatchCandidate c, DateOnly today)
    {
        if (!IsBlocked(c, c.ActiveCases, today))
        {
            return null;
        }
        if (!HasValidVog(c, today))
        {
            return c.VogExpiresOn is null
                ? new("{0} heeft geen VOG. Zonder geldige VOG kan een vrijwilliger, student of ervaringsdeskundige niet gekoppeld worden.", c.Name)
                : new("De VOG van {0} is verlopen. Zonder geldige VOG kan een vrijwilliger, student of ervaringsdeskundige niet gekoppeld worden.", c.Name);
        }
        return new("{0} heeft al {1} van de {2} bewoners.", c.Name, c.ActiveCases, c.MaxResidents);
    }

    private static bool HasValidVog(MatchCandidate c, DateOnly today) =>
        c.Kind == BuddyKind.Professional || Volunteers.Vog.IsValidOn(c.VogExpiresOn, today);

    /// <summary>No valid VOG (for a volunteer type), or full with <paramref name="load"/> residents.</summary>
    private static bool IsBlocked(MatchCandidate c, int load, DateOnly today) => !HasValidVog(c, today) || load >= c.MaxResidents;

    /// <summary>Ranks a plain list (each candidate with its own load): prepares it as a pool first.</summary>
    public static IReadOnlyList<MatchSuggestion> Rank(MatchRequest request, IEnumerable<MatchCandidate> candidates, DateOnly today, int top = 10) =>
        Rank(request, MatchPool.Prepare(candidates), EmptySet, today, top);

    private static readonly HashSet<Guid> EmptySet = [];

    /// <summary>The top buddies of a prepared pool, best first, with their reasons; <paramref name="excluded"/> are
    /// buddies not to suggest (they declined this resident). Scores without allocating per candidate; the reasons
    /// are put in words for the top ones only.</summary>
    public static IReadOnlyList<MatchSuggestion> Rank(MatchRequest request, MatchPool pool, IReadOnlySet<Guid> excluded, DateOnly today, int top = 10)
    {
        if (top <= 0)
        {
            return [];
        }
        var wanted = new Wanted(pool.Lookup(request.Languages, out var anyLanguage), anyLanguage,
            pool.Lookup(request.NeedTags, out var anyNeed), anyNeed, Pc4(request.Postcode), request.Availability);
        var best = new PriorityQueue<int, (int Score, Guid Id)>(top + 1, Worst.Instance);
        var members = pool.Members;
        var load = pool.Load;
        // Only the kinds that fit are walked (both when the wijkverbinder overrode the kind).
        IEnumerable<int[]> lists = request.OverrideKind ? [pool.VolunteerTypes, pool.Professionals]
            : [request.Weight == CaseWeight.Heavy ? pool.Professionals : pool.VolunteerTypes];
        foreach (var list in lists)
        {
            foreach (var i in list)
            {
                var c = members[i].Candidate;
                if (IsBlocked(c, load[i], today) || (excluded.Count > 0 && excluded.Contains(c.BuddyId)))
                {
                    continue;
                }
                var score = Score(wanted, pool, i, null);
                if (best.Count == top)
                {
                    // Full: only one that beats the worst kept gets in (on a tie, the lower id).
                    best.TryPeek(out _, out var worst);
                    if (Worst.Instance.Compare((score, c.BuddyId), worst) <= 0)
                    {
                        continue;
                    }
                    best.DequeueEnqueue(i, (score, c.BuddyId));
                }
                else
                {
                    best.Enqueue(i, (score, c.BuddyId));
                }
            }
        }
        var result = new List<MatchSuggestion>(best.Count);
        while (best.TryDequeue(out var i, out _))
        {
            var m = members[i];
            var reasons = new List<string>();
            var score = Score(wanted, pool, i, reasons);
            result.Add(new MatchSuggestion(m.Candidate.BuddyId, m.Candidate.Name, m.Candidate.Kind, score, reasons));
        }
        result.Reverse();
        return result;
    }

    /// <summary>The request in the pool's terms: its tags as the pool's word numbers (a tag no buddy has is left out:
    /// it can match no one), and whether it named any at all.</summary>
    private readonly record struct Wanted(ulong[] Languages, bool AnyLanguage, ulong[] Needs, bool AnyNeed, int? Postcode, int Availability);

    /// <summary>Member <paramref name="i"/>'s points for the request; with <paramref name="reasons"/>, also why, in words.</summary>
    private static int Score(in Wanted wanted, MatchPool pool, int i, List<string>? reasons)
    {
        var m = pool.Members[i];
        var c = m.Candidate;
        var load = pool.Load[i];
        var score = 0;
        if (wanted.AnyLanguage)
        {
            var shared = pool.Common(i, 1, wanted.Languages);
            if (shared > 0)
            {
                score += 30;
                reasons?.Add(LocalText.Encode("Spreekt {0}", LanguageNames(pool.Words(m.Languages, wanted.Languages))));
            }
        }
        if (wanted.AnyNeed)
        {
            var fits = pool.Common(i, 0, wanted.Needs);
            if (fits > 0)
            {
                score += Math.Min(fits, 3) * 15;
                reasons?.Add(LocalText.Encode("Kan helpen met {0}", pool.Words(m.Skills, wanted.Needs)));
            }
        }
        if (wanted.Postcode is { } postcode && m.Postcode is { } theirs)
        {
            var distance = Math.Abs(postcode - theirs);
            var (points, words) = distance switch
            {
                0 => (20, "Woont in dezelfde postcode ({0})"),
                <= 5 => (15, "Woont dichtbij ({0})"),
                <= 20 => (10, "Woont in de buurt ({0})"),
                <= 100 => (5, "Woont in dezelfde stad of regio ({0})"),
                _ => (0, null),
            };
            score += points;
            if (words is not null)
            {
                reasons?.Add(LocalText.Encode(words, c.Postcode![..4]));
            }
        }
        var room = c.MaxResidents - load;
        score += 10 * room / Math.Max(c.MaxResidents, 1);
        reasons?.Add(load == 0 ? "Heeft nog niemand" : LocalText.Encode("Heeft {0} van de {1} bewoners", load, c.MaxResidents));
        if (wanted.Availability != 0)
        {
            var overlap = Availability.Overlap(wanted.Availability, c.Availability);
            if (overlap > 0)
            {
                score += Math.Min(overlap, 5) * 2;
                reasons?.Add(LocalText.Encode("Kan op {0} gewenste dagdelen", overlap));
            }
        }
        return score;
    }

    /// <summary>Language tags are kept in lower case ("nederlands, arabisch"); a language's name is written with a
    /// capital ("Nederlands, Arabisch").</summary>
    internal static string LanguageNames(string words) =>
        string.Join(", ", words.Split(", ").Select(w => w.Length == 0 ? w : char.ToUpper(w[0], System.Globalization.CultureInfo.GetCultureInfo("nl-NL")) + w[1..]));

    /// <summary>The numeric part of a Dutch postcode; neighbouring numbers are (roughly) neighbouring places.</summary>
    public static int? Pc4(string? postcode) =>
        postcode is { Length: >= 4 } && int.TryParse(postcode.AsSpan(0, 4), out var n) && n >= 1000 ? n : null;

    /// <summary>Orders the queue worst first (lowest score; on a tie the higher id), so the best stay.</summary>
    private sealed class Worst : IComparer<(int Score, Guid Id)>
    {
        public static readonly Worst Instance = new();
        public int Compare((int Score, Guid Id) x, (int Score, Guid Id) y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.Id.CompareTo(x.Id);
    }
}
