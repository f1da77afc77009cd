using Wijkbasis.Features.Shared;
namespace Wijkbasis.Features.Talents;

/// <summary>A person as the matcher sees them: the active tags they offer and need, their languages (lower case),
/// buurt and free parts of the week.</summary>
public sealed record TalentProfile(Guid PersonId, string Name, string? BuurtCode, string? BuurtName, IReadOnlyList<string> Languages,
    IReadOnlySet<Guid> Offers, IReadOnlySet<Guid> Needs, int Availability);

/// <summary>A proposed match, seen from the person whose card it is on: <see cref="Other"/> helps them
/// (<see cref="OtherGives"/>) or is helped by them.</summary>
public sealed record TalentSuggestion(Guid GiverPersonId, Guid ReceiverPersonId, Guid Other, string OtherName, bool OtherGives,
    int Score, IReadOnlyList<string> TagNames, IReadOnlyList<string> Reasons);

/// <summary>Suggests neighbours for each other, best first, with the reasons in words. A suggestion needs a talent of one
/// that meets a need of the other (hard rule); then points for more tags that fit, a language in common, the same buurt
/// and free time that overlaps. Nobody is suggested to themself, nor for a pair that already has an open match.</summary>
public static class TalentMatching
{
    public const int TagPoints = 20;
    public const int LanguagePoints = 10;
    public const int BuurtPoints = 20;

    public static IReadOnlyList<TalentSuggestion> For(TalentProfile me, IEnumerable<TalentProfile> others,
        IReadOnlyDictionary<Guid, string> tagNames, IReadOnlySet<(Guid Giver, Guid Receiver)> openPairs, int top = 10)
    {
        var result = new List<TalentSuggestion>();
        foreach (var other in others)
        {
            if (other.PersonId == me.PersonId)
            {
                continue;
            }
            if (Suggest(giver: other, receiver: me, tagNames, openPairs) is { } theyHelp)
            {
                result.Add(theyHelp with { Other = other.PersonId, OtherName = other.Name, OtherGives = true });
            }
            if (Suggest(giver: me, receiver: other, tagNames, openPairs) is { } iHelp)
            {
                result.Add(iHelp with { Other = other.PersonId, OtherName = other.Name, OtherGives = false });
            }
        }
        return result.OrderByDescending(s => s.Score).ThenBy(s => s.OtherName, StringComparer.CurrentCulture)
            .ThenBy(s => s.Other).ThenBy(s => s.OtherGives).Take(top).ToList();
    }

    /// <summary>The suggestion that <paramref name="giver"/> helps <paramref name="receiver"/>, or null when no talent of
    /// the giver meets a need of the receiver, or they are the same person, or the pair already has an open match.</summary>
    public static TalentSuggestion? Suggest(TalentProfile giver, TalentProfile receiver, IReadOnlyDictionary<Guid, string> tagNames,
        IReadOnlySet<(Guid Giver, Guid Receiver)> openPairs)
    {
        if (giver.PersonId == receiver.PersonId || openPairs.Contains((giver.PersonId, receiver.PersonId)))
        {
            return null;
        }
        var fits = giver.Offers.Where(receiver.Needs.Contains).Where(tagNames.ContainsKey)
            .Select(t => tagNames[t]).Order(StringComparer.CurrentCulture).ToList();
        if (fits.Count == 0)
        {
            return null;
        }
        var reasons = new List<string> { LocalText.Encode("{0} kan helpen met {1}; {2} zoekt dat", giver.Name, string.Join(", ", fits), receiver.Name) };
        var score = Math.Min(fits.Count, 3) * TagPoints;
        var languages = giver.Languages.Where(l => receiver.Languages.Contains(l, StringComparer.Ordinal)).ToList();
        if (languages.Count > 0)
        {
            score += LanguagePoints;
            reasons.Add(LocalText.Encode("Spreken allebei {0}", string.Join(", ", languages)));
        }
        if (giver.BuurtCode is { } buurt && buurt == receiver.BuurtCode)
        {
            score += BuurtPoints;
            reasons.Add(LocalText.Encode("Wonen allebei in {0}", giver.BuurtName ?? buurt));
        }
        if (giver.Availability != 0 && receiver.Availability != 0)
        {
            var overlap = Buddies.Availability.Overlap(giver.Availability, receiver.Availability);
            if (overlap > 0)
            {
                score += Math.Min(overlap, 5) * 2;
                reasons.Add(overlap == 1 ? "Kunnen allebei op 1 dagdeel" : LocalText.Encode("Kunnen allebei op {0} dagdelen", overlap));
            }
            else
            {
                reasons.Add("Nog geen dagdeel waarop ze allebei kunnen");
            }
        }
        return new TalentSuggestion(giver.PersonId, receiver.PersonId, Guid.Empty, "", false, score, fits, reasons);
    }

    /// <summary>Languages as stored on a person ("Nederlands, Arabisch"): lower case, one each.</summary>
    public static IReadOnlyList<string> Languages(string? stored) => Buddies.Tags.Split(stored);

    /// <summary>What a board shows of a name: the first name only.</summary>
    public static string FirstName(string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? trimmed : trimmed[..space];
    }
}
