using Wijkbasis.Features.Intakes;

namespace Wijkbasis.Features.Buddies;

/// <summary>What the resident needs, as the matcher sees it. Tags and languages as stored (see <see cref="Tags"/>).</summary>
public sealed record MatchRequest(CaseWeight Weight, string Languages, string NeedTags, string? Postcode, int Availability, bool OverrideKind = false);

/// <summary>A candidate with the number of residents they hold on to now.</summary>
public sealed record MatchCandidate(Guid BuddyId, string Name, BuddyKind Kind, string Skills, string Languages, string? Postcode,
    int Availability, int MaxResidents, int ActiveCases, DateOnly? VogExpiresOn);

public sealed record MatchSuggestion(Guid BuddyId, string Name, BuddyKind Kind, int Score, IReadOnlyList<string> Reasons);

/// <summary>Proposes buddies, best first, with the reasons in words. Hard limits first: a volunteer-type buddy
/// needs a valid VOG, a full buddy takes no one new, and light help goes to volunteer types, heavy help to
/// professionals (unless the wijkverbinder overrides that with a reason). Then points for a language in common,
/// skills that fit the needs, a postcode nearby, room in their load and matching availability.</summary>
public static class BuddyMatching
{
    public static bool KindFits(CaseWeight weight, BuddyKind kind) =>
        weight == CaseWeight.Heavy ? kind == BuddyKind.Professional : kind != BuddyKind.Professional;

    /// <summary>Why this buddy cannot be matched at all, or null.</summary>
    public static string? Blocker(MatchCandidate c, DateOnly today)
    {
        if (c.Kind != BuddyKind.Professional && !(c.VogExpiresOn is { } expires && expires >= today))
        {
            return c.VogExpiresOn is null
                ? $"{c.Name} heeft geen VOG. Zonder geldige VOG kan een vrijwilliger, student of ervaringsdeskundige niet gekoppeld worden."
                : $"De VOG van {c.Name} is verlopen. Zonder geldige VOG kan een vrijwilliger, student of ervaringsdeskundige niet gekoppeld worden.";
        }
        if (c.ActiveCases >= c.MaxResidents)
        {
            return $"{c.Name} heeft al {c.ActiveCases} van de {c.MaxResidents} bewoners.";
        }
        return null;
    }

    public static IReadOnlyList<MatchSuggestion> Rank(MatchRequest request, IEnumerable<MatchCandidate> candidates, DateOnly today, int top = 10)
    {
        var languages = Tags.Split(request.Languages);
        var needs = Tags.Split(request.NeedTags);
        var postcode = Pc4(request.Postcode);
        var best = new PriorityQueue<MatchCandidate, (int Score, Guid Id)>(top + 1, Worst.Instance);
        foreach (var c in candidates)
        {
            if ((!request.OverrideKind && !KindFits(request.Weight, c.Kind)) || Blocker(c, today) is not null)
            {
                continue;
            }
            best.Enqueue(c, (Score(request, languages, needs, postcode, c, null), c.BuddyId));
            if (best.Count > top)
            {
                best.Dequeue();
            }
        }
        var result = new List<MatchSuggestion>(best.Count);
        while (best.TryDequeue(out var c, out _))
        {
            var reasons = new List<string>();
            var score = Score(request, languages, needs, postcode, c, reasons);
            result.Add(new MatchSuggestion(c.BuddyId, c.Name, c.Kind, score, reasons));
        }
        result.Reverse();
        return result;
    }

    private static int Score(MatchRequest request, IReadOnlyList<string> languages, IReadOnlyList<string> needs, int? postcode,
        MatchCandidate c, List<string>? reasons)
    {
        var score = 0;
        if (languages.Count > 0)
        {
            var shared = Tags.Split(c.Languages).Intersect(languages, StringComparer.Ordinal).ToList();
            if (shared.Count > 0)
            {
                score += 30;
                reasons?.Add($"Spreekt {string.Join(", ", shared)}");
            }
        }
        if (needs.Count > 0)
        {
            var fits = Tags.Split(c.Skills).Intersect(needs, StringComparer.Ordinal).ToList();
            if (fits.Count > 0)
            {
                score += Math.Min(fits.Count, 3) * 15;
                reasons?.Add($"Kan helpen met {string.Join(", ", fits)}");
            }
        }
        if (postcode is { } wanted && Pc4(c.Postcode) is { } theirs)
        {
            var distance = Math.Abs(wanted - theirs);
            var (points, words) = distance switch
            {
                0 => (20, "Woont in dezelfde postcode"),
                <= 5 => (15, "Woont dichtbij"),
                <= 20 => (10, "Woont in de buurt"),
                <= 100 => (5, "Woont in dezelfde stad of regio"),
                _ => (0, null),
            };
            score += points;
            if (words is not null)
            {
                reasons?.Add($"{words} ({c.Postcode![..4]})");
            }
        }
        var room = c.MaxResidents - c.ActiveCases;
        score += 10 * room / Math.Max(c.MaxResidents, 1);
        reasons?.Add(c.ActiveCases == 0 ? "Heeft nog niemand" : $"Heeft {c.ActiveCases} van de {c.MaxResidents} bewoners");
        if (request.Availability != 0)
        {
            var overlap = Availability.Overlap(request.Availability, c.Availability);
            if (overlap > 0)
            {
                score += Math.Min(overlap, 5) * 2;
                reasons?.Add($"Kan op {overlap} gewenste dagdelen");
            }
        }
        return score;
    }

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
