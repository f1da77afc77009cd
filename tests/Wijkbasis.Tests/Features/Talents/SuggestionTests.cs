using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Talents;

namespace Wijkbasis.Tests.Features.Talents;

/// <summary>Suggestions between neighbours: a talent must meet a need; then language, buurt and free time add points,
/// each with its reason in words.</summary>
public sealed class SuggestionTests
{
    private static readonly Guid Bakken = Guid.NewGuid();
    private static readonly Guid Klussen = Guid.NewGuid();
    private static readonly Guid Fietsles = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Names = new() { [Bakken] = "bakken", [Klussen] = "klussen", [Fietsles] = "fietsles" };
    private static readonly HashSet<(Guid, Guid)> None = [];

    private static TalentProfile Person(string name, Guid[]? offers = null, Guid[]? needs = null, string languages = "nederlands",
        string? buurt = "BU02020101", int availability = 0) =>
        new(Guid.NewGuid(), name, buurt, buurt is null ? null : "Klarendal", TalentMatching.Languages(languages),
            (offers ?? []).ToHashSet(), (needs ?? []).ToHashSet(), availability);

    [Fact]
    public void ATalentOfOneThatMeetsANeedOfTheOtherIsSuggestedWithItsReasons()
    {
        var fatima = Person("Fatima", needs: [Fietsles], languages: "nederlands, arabisch", availability: Availability.Bit(DayOfWeek.Tuesday, 0));
        var karin = Person("Karin", offers: [Fietsles, Bakken], languages: "arabisch", availability: Availability.Bit(DayOfWeek.Tuesday, 0));
        var s = Assert.Single(TalentMatching.For(fatima, [fatima, karin], Names, None));
        Assert.True(s.OtherGives);
        Assert.Equal((karin.PersonId, fatima.PersonId), (s.GiverPersonId, s.ReceiverPersonId));
        Assert.Equal(["fietsles"], s.TagNames);
        Assert.Contains("Karin kan helpen met fietsles; Fatima zoekt dat", s.Reasons.Select(Wijkbasis.Features.Shared.LocalText.Dutch));
        Assert.Contains("Spreken allebei arabisch", s.Reasons.Select(Wijkbasis.Features.Shared.LocalText.Dutch));
        Assert.Contains("Wonen allebei in Klarendal", s.Reasons.Select(Wijkbasis.Features.Shared.LocalText.Dutch));
        Assert.Contains("Kunnen allebei op 1 dagdeel", s.Reasons.Select(Wijkbasis.Features.Shared.LocalText.Dutch));
        Assert.Equal(TalentMatching.TagPoints + TalentMatching.LanguagePoints + TalentMatching.BuurtPoints + 2, s.Score);
    }

    [Fact]
    public void NoSharedTagMeansNoSuggestionHoweverCloseTheyLive()
    {
        var a = Person("A", needs: [Klussen]);
        var b = Person("B", offers: [Bakken], needs: [Fietsles]);
        Assert.Empty(TalentMatching.For(a, [b], Names, None));
    }

    [Fact]
    public void APersonIsNeverSuggestedToThemself()
    {
        var both = Person("Beide", offers: [Bakken], needs: [Bakken]);
        Assert.Empty(TalentMatching.For(both, [both], Names, None));
        Assert.Null(TalentMatching.Suggest(both, both, Names, None));
    }

    [Fact]
    public void SuggestionsGoBothWaysAndAPairWithAnOpenMatchIsLeftOut()
    {
        var me = Person("Ik", offers: [Klussen], needs: [Bakken]);
        var other = Person("Buur", offers: [Bakken], needs: [Klussen]);
        var both = TalentMatching.For(me, [other], Names, None);
        Assert.Equal(2, both.Count);
        Assert.Contains(both, s => s.OtherGives);
        Assert.Contains(both, s => !s.OtherGives);
        var open = new HashSet<(Guid, Guid)> { (other.PersonId, me.PersonId) };
        var left = Assert.Single(TalentMatching.For(me, [other], Names, open));
        Assert.False(left.OtherGives);
    }

    [Fact]
    public void MoreThatFitsRanksHigherAndARetiredTagDoesNotMatch()
    {
        var me = Person("Ik", needs: [Bakken, Klussen], buurt: null);
        var one = Person("Een", offers: [Bakken], buurt: null);
        var two = Person("Twee", offers: [Bakken, Klussen], buurt: null);
        Assert.Equal(["Twee", "Een"], TalentMatching.For(me, [one, two], Names, None).Select(s => s.OtherName));
        var active = new Dictionary<Guid, string> { [Klussen] = "klussen" };
        Assert.Equal(["Twee"], TalentMatching.For(me, [one, two], active, None).Select(s => s.OtherName));
    }

    [Fact]
    public void DifferentBuurtenAndNoCommonLanguageGiveNoPointsButNoFreeTimeInCommonIsSaid()
    {
        var me = Person("Ik", needs: [Bakken], languages: "turks", buurt: "BU1", availability: Availability.Bit(DayOfWeek.Monday, 0));
        var other = Person("Ander", offers: [Bakken], languages: "pools", buurt: "BU2", availability: Availability.Bit(DayOfWeek.Friday, 2));
        var s = Assert.Single(TalentMatching.For(me, [other], Names, None));
        Assert.Equal(TalentMatching.TagPoints, s.Score);
        Assert.Contains("Nog geen dagdeel waarop ze allebei kunnen", s.Reasons.Select(Wijkbasis.Features.Shared.LocalText.Dutch));
    }

    [Fact]
    public void TheBoardShowsOnlyTheFirstName() =>
        Assert.Equal(("Fatima", "Bep"), (TalentMatching.FirstName("Fatima El Amrani"), TalentMatching.FirstName(" Bep ")));
}
