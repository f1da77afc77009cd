using Wijkbasis.Features.Intakes;

namespace Wijkbasis.Tests.Features.Intakes;

/// <summary>ZRM scores and the light/heavy proposal, without a database.</summary>
public sealed class TriageTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void AZrmLevelOutsideOneToFiveIsRefusedAndNotKept(int level)
    {
        var scores = new ZrmScores();
        Assert.Contains("1 tot en met 5", scores.Set(ZrmDomain.Finances, level)?.ToString());
        Assert.True(scores.IsEmpty);
    }

    [Fact]
    public void NoDomainIsRequiredAndOnlyChosenDomainsAreKept()
    {
        var scores = new ZrmScores();
        Assert.Null(scores.Set(ZrmDomain.Finances, 3));
        Assert.Null(scores.Set(ZrmDomain.SocialNetwork, 4));
        var again = ZrmScores.FromJson(scores.ToJson());
        Assert.Equal(2, again.Count);
        Assert.Equal(3, again.Scores[ZrmDomain.Finances]);
        Assert.False(again.Scores.ContainsKey(ZrmDomain.Housing));
        Assert.True(ZrmScores.FromJson(null).IsEmpty);
    }

    [Fact]
    public void StoredScoresWithAnImpossibleLevelAreACorruptRecord() =>
        Assert.Throws<FormatException>(() => ZrmScores.FromJson("{\"Finances\":9}"));

    [Fact]
    public void ByDefaultADomainAtLevelTwoMakesItHeavyAndSaysWhy()
    {
        var scores = new ZrmScores();
        scores.Set(ZrmDomain.Finances, 2);
        scores.Set(ZrmDomain.SocialNetwork, 4);
        var proposal = TriageRule.Default.Propose(scores, safetyConcern: false);
        Assert.Equal(CaseWeight.Heavy, proposal.Weight);
        Assert.Equal(["Financiën staat op niveau 2 (niet zelfredzaam)."], proposal.Reasons.Select(Wijkbasis.Features.Shared.LocalText.Dutch));
    }

    [Fact]
    public void LevelsThreeAndUpWithoutSafetyConcernsAreLight()
    {
        var scores = new ZrmScores();
        scores.Set(ZrmDomain.Housing, 3);
        Assert.Equal(CaseWeight.Light, TriageRule.Default.Propose(scores, false).Weight);
        Assert.Equal(CaseWeight.Light, TriageRule.Default.Propose(new ZrmScores(), false).Weight);
    }

    [Fact]
    public void ASafetyConcernMakesItHeavyUnlessTheEnterpriseTurnedThatOff()
    {
        Assert.Equal(CaseWeight.Heavy, TriageRule.Default.Propose(new ZrmScores(), safetyConcern: true).Weight);
        Assert.Equal(CaseWeight.Light, new TriageRule(2, SafetyConcernIsHeavy: false).Propose(new ZrmScores(), true).Weight);
    }

    [Fact]
    public void TheThresholdIsConfigurable()
    {
        var scores = new ZrmScores();
        scores.Set(ZrmDomain.Housing, 3);
        Assert.Equal(CaseWeight.Heavy, new TriageRule(HeavyAtOrBelow: 3).Propose(scores, false).Weight);
        Assert.NotNull(TriageRule.Check(0));
        Assert.NotNull(TriageRule.Check(5));
        Assert.Null(TriageRule.Check(3));
        Assert.Contains("niveau 3 of lager", Wijkbasis.Features.Shared.LocalText.Dutch(new TriageRule(3).Explain()));
    }

    [Fact]
    public void GoingAgainstTheProposalNeedsAReason()
    {
        var heavy = new TriageProposal(CaseWeight.Heavy, ["x"]);
        Assert.Null(TriageDecision.Check(heavy, CaseWeight.Heavy, null));
        Assert.Contains("waarom", TriageDecision.Check(heavy, CaseWeight.Light, " ")?.ToString());
        Assert.Null(TriageDecision.Check(heavy, CaseWeight.Light, "Haar zus helpt al mee, een vrijwilliger is genoeg."));
        Assert.NotNull(TriageDecision.Check(heavy, (CaseWeight)7, "x"));
    }
}
