using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Intakes;

namespace Wijkbasis.Tests.Features.Buddies;

/// <summary>Buddy suggestions: hard limits first, then a ranking with the reasons in words.</summary>
public sealed class MatchingTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateOnly ValidVog = Today.AddYears(1);

    private static MatchCandidate Candidate(string name, BuddyKind kind = BuddyKind.Volunteer, string skills = "", string languages = "nederlands",
        string? postcode = "3024 AB", int load = 0, int max = 2, DateOnly? vog = null, int availability = 0) =>
        new(Guid.NewGuid(), name, kind, skills, languages, postcode, availability, max, load, vog ?? ValidVog);

    private static readonly MatchRequest Light = new(CaseWeight.Light, "arabisch;nederlands", "administratie;boodschappen", "3024 AC", 0);

    [Fact]
    public void AVolunteerWithAnExpiredOrMissingVogIsNeverSuggested()
    {
        var expired = Candidate("Verlopen", vog: Today.AddDays(-1));
        var missing = Candidate("Geen") with { VogExpiresOn = null };
        var valid = Candidate("Geldig", vog: Today);
        var ranked = BuddyMatching.Rank(Light, [expired, missing, valid], Today);
        Assert.Equal(["Geldig"], ranked.Select(s => s.Name));
        Assert.Contains("verlopen", BuddyMatching.Blocker(expired, Today)?.ToString());
    }

    [Fact]
    public void LightHelpGoesToVolunteerTypesAndHeavyHelpToProfessionalsUnlessOverridden()
    {
        var pro = Candidate("Professional", BuddyKind.Professional) with { VogExpiresOn = null };
        var student = Candidate("Student", BuddyKind.Student);
        Assert.Equal(["Student"], BuddyMatching.Rank(Light, [pro, student], Today).Select(s => s.Name));
        Assert.Equal(["Professional"], BuddyMatching.Rank(Light with { Weight = CaseWeight.Heavy }, [pro, student], Today).Select(s => s.Name));
        Assert.Equal(2, BuddyMatching.Rank(Light with { OverrideKind = true }, [pro, student], Today).Count);
    }

    [Fact]
    public void AFullBuddyTakesNoOneNew() =>
        Assert.Empty(BuddyMatching.Rank(Light, [Candidate("Vol", load: 2, max: 2)], Today));

    [Fact]
    public void LanguageSkillsNearnessAndRoomRankFirstWithTheReasonsShown()
    {
        var best = Candidate("Samira", skills: "administratie;boodschappen", languages: "arabisch;nederlands", postcode: "3024 BB");
        var far = Candidate("Verweg", skills: "administratie", postcode: "9711 AA");
        var busy = Candidate("Druk", skills: "administratie;boodschappen", languages: "arabisch", postcode: "3024 BB", load: 1);
        var ranked = BuddyMatching.Rank(Light, [far, busy, best], Today);
        Assert.Equal(["Samira", "Druk", "Verweg"], ranked.Select(s => s.Name));
        Assert.Contains("Spreekt Arabisch, Nederlands", ranked[0].Reasons.Select(Wijkbasis.Features.Shared.LocalText.Dutch));
        Assert.Contains("Kan helpen met administratie, boodschappen", ranked[0].Reasons.Select(Wijkbasis.Features.Shared.LocalText.Dutch));
        Assert.Contains("Woont in dezelfde postcode (3024)", ranked[0].Reasons.Select(Wijkbasis.Features.Shared.LocalText.Dutch));
        Assert.Contains("Heeft nog niemand", ranked[0].Reasons.Select(Wijkbasis.Features.Shared.LocalText.Dutch));
        Assert.Contains("Heeft 1 van de 2 bewoners", ranked[1].Reasons.Select(Wijkbasis.Features.Shared.LocalText.Dutch));
    }

    [Fact]
    public void OnlyTheTopAreReturnedBestFirstAndTiesAreStable()
    {
        var pool = Enumerable.Range(0, 500).Select(i => Candidate($"B{i}", skills: i % 7 == 0 ? "administratie" : "", postcode: $"{3000 + i % 50} AA")).ToList();
        var first = BuddyMatching.Rank(Light, pool, Today);
        var again = BuddyMatching.Rank(Light, Enumerable.Reverse(pool), Today);
        Assert.Equal(10, first.Count);
        Assert.True(first.Zip(first.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Equal(first.Select(s => s.BuddyId), again.Select(s => s.BuddyId));
    }

    [Fact]
    public void MatchingAvailabilityCountsWhenTheResidentSaidWhen()
    {
        var tuesdayMorning = Availability.Bit(DayOfWeek.Tuesday, 0);
        var fits = Candidate("Dinsdag", availability: tuesdayMorning);
        var not = Candidate("Zondag", availability: Availability.Bit(DayOfWeek.Sunday, 2));
        var ranked = BuddyMatching.Rank(Light with { Availability = tuesdayMorning }, [not, fits], Today);
        Assert.Equal("Dinsdag", ranked[0].Name);
        Assert.Contains("Kan op 1 gewenste dagdelen", ranked[0].Reasons.Select(Wijkbasis.Features.Shared.LocalText.Dutch));
        Assert.Equal("di ochtend", Availability.Display(tuesdayMorning));
    }

    [Fact]
    public void AKeptPoolRanksWithItsOwnLoadsAndLeavesOutWhoDeclined()
    {
        var samira = Candidate("Samira", skills: "administratie", languages: "arabisch");
        var druk = Candidate("Druk", skills: "administratie", languages: "arabisch");
        // The pool's loads count, not the candidates' own: Samira holds two residents now, so she is full.
        var pool = MatchPool.Prepare([samira, druk], new Dictionary<Guid, int> { [samira.BuddyId] = 2, [druk.BuddyId] = 1 });

        var now = BuddyMatching.Rank(Light, pool, new HashSet<Guid>(), Today);
        Assert.Equal(["Druk"], now.Select(s => s.Name));
        Assert.Contains("Heeft 1 van de 2 bewoners", now[0].Reasons.Select(Wijkbasis.Features.Shared.LocalText.Dutch));

        var declined = BuddyMatching.Rank(Light, MatchPool.Prepare([samira, druk]), new HashSet<Guid> { druk.BuddyId }, Today);
        Assert.Equal(["Samira"], declined.Select(s => s.Name));
    }

    [Fact]
    public void ANeedNoBuddyHasScoresNothingAndTagsMatchWhateverTheirCaseOrOrder()
    {
        var pool = MatchPool.Prepare([Candidate("Fietser", skills: "Fietsen ; Boodschappen", languages: "Nederlands", postcode: null)]);
        var ranked = BuddyMatching.Rank(Light with { NeedTags = "boodschappen;tuinieren;fietsen", Languages = "turks" }, pool,
            new HashSet<Guid>(), Today);
        Assert.Contains("Kan helpen met fietsen, boodschappen", ranked[0].Reasons.Select(Wijkbasis.Features.Shared.LocalText.Dutch));
        Assert.DoesNotContain(ranked[0].Reasons, r => r.StartsWith("Spreekt", StringComparison.Ordinal));
        Assert.Equal(2 * 15 + 10, ranked[0].Score); // two needs met, and all the room
    }

    [Fact]
    public void APoolWithMoreThanSixtyFourTagsStillCountsEveryFitAndTheTopTenAreTheBestOfAll()
    {
        // Two skills each, 201 different words: the pool keeps them over several 64-bit words.
        var pool = Enumerable.Range(0, 200).Select(i => Candidate($"B{i}", skills: $"tag{i};tag{i + 1}", postcode: $"{3000 + i % 40} AA")).ToList();
        var request = Light with { NeedTags = "tag150;tag151;tag152" };

        var ranked = BuddyMatching.Rank(request, pool, Today);
        Assert.Equal(["B150", "B151"], ranked.Take(2).Select(s => s.Name).Order());
        Assert.Contains("Kan helpen met tag150, tag151", ranked.Single(s => s.Name == "B150").Reasons.Select(Wijkbasis.Features.Shared.LocalText.Dutch));

        // Keeping only ten as it goes gives the same ten as ranking everyone.
        var all = BuddyMatching.Rank(request, MatchPool.Prepare(pool), new HashSet<Guid>(), Today, top: 200);
        Assert.Equal(all.Take(10).Select(s => (s.BuddyId, s.Score)), ranked.Select(s => (s.BuddyId, s.Score)));
        Assert.Equal(200, all.Count);
        Assert.Equal(["B149", "B150", "B151", "B152"],
            all.Where(s => s.Reasons.Any(r => r.StartsWith("Kan helpen", StringComparison.Ordinal))).Select(s => s.Name).Order());
    }
}
