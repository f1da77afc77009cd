using Wijkbasis.Features.Surveys;
using A = Wijkbasis.Features.Surveys.LonelinessAnswer;

namespace Wijkbasis.Tests.Features.Surveys;

/// <summary>The De Jong Gierveld scale scored as its manual says (INSTRUMENTS.md section 3), on worked examples; and the
/// participatieladder's moves.</summary>
public sealed class ScoringTests
{
    private static LonelinessScore Six(params A?[] answers) => DeJongGierveld.Score(DeJongGierveld.Items6, answers);

    private static LonelinessScore Eleven(params A?[] answers) => DeJongGierveld.Score(DeJongGierveld.Items11, answers);

    [Fact]
    public void TheSixItemScaleIsItemsThreeNineTenEmotionalAndFourSevenEightSocial()
    {
        Assert.Equal([3, 9, 10, 4, 7, 8], DeJongGierveld.Items6.Select(i => i.Number));
        Assert.Equal([Subscale.Emotional, Subscale.Emotional, Subscale.Emotional, Subscale.Social, Subscale.Social, Subscale.Social],
            DeJongGierveld.Items6.Select(i => i.Subscale));
        Assert.Equal(6, DeJongGierveld.Items11.Count(i => i.Subscale == Subscale.Emotional));
        Assert.Equal(5, DeJongGierveld.Items11.Count(i => i.Subscale == Subscale.Social));
    }

    [Fact]
    public void AnEmotionalItemScoresOnYesOrMoreOrLessAndASocialItemIsReverseScored()
    {
        Assert.Equal(1, DeJongGierveld.ItemScore(Subscale.Emotional, A.Ja));
        Assert.Equal(1, DeJongGierveld.ItemScore(Subscale.Emotional, A.MinOfMeer));
        Assert.Equal(0, DeJongGierveld.ItemScore(Subscale.Emotional, A.Nee));
        Assert.Equal(0, DeJongGierveld.ItemScore(Subscale.Social, A.Ja));
        Assert.Equal(1, DeJongGierveld.ItemScore(Subscale.Social, A.MinOfMeer));
        Assert.Equal(1, DeJongGierveld.ItemScore(Subscale.Social, A.Nee));
    }

    [Fact]
    public void AWorkedSixItemExampleScoresFourWithTwoOnEachSubscale()
    {
        // Emotional: 3 ja (1), 9 min of meer (1), 10 nee (0). Social: 4 ja (0), 7 min of meer (1), 8 nee (1).
        var score = Six(A.Ja, A.MinOfMeer, A.Nee, A.Ja, A.MinOfMeer, A.Nee);

        Assert.Equal(new LonelinessScore(4, 2, 2, 0), score);
        Assert.Equal("Matig eenzaam", DeJongGierveld.Band(Instrument.DeJongGierveld6, 4));
        Assert.True(DeJongGierveld.IsLonely(Instrument.DeJongGierveld6, 4));
    }

    [Fact]
    public void NobodyLonelyAnswersScoreZeroAndAllMoreOrLessScoresTheMaximum()
    {
        Assert.Equal(new LonelinessScore(0, 0, 0, 0), Six(A.Nee, A.Nee, A.Nee, A.Ja, A.Ja, A.Ja));
        Assert.Equal(new LonelinessScore(6, 3, 3, 0), Six(A.MinOfMeer, A.MinOfMeer, A.MinOfMeer, A.MinOfMeer, A.MinOfMeer, A.MinOfMeer));
        Assert.Equal("Niet eenzaam", DeJongGierveld.Band(Instrument.DeJongGierveld6, 1));
        Assert.Equal("Sterk eenzaam", DeJongGierveld.Band(Instrument.DeJongGierveld6, 5));
        Assert.False(DeJongGierveld.IsLonely(Instrument.DeJongGierveld6, 1));
    }

    [Fact]
    public void OneMissingItemKeepsTheTotalButLosesItsSubscaleAndTwoMissingLoseTheTotal()
    {
        // Item 9 (emotional) missing: total of the other five = 1 + 0 + 0 + 1 + 1 = 3; emotional missing, social 2.
        Assert.Equal(new LonelinessScore(3, 2, null, 1), Six(A.Ja, null, A.Nee, A.Ja, A.MinOfMeer, A.Nee));
        // Items 9 and 7 missing: the total is missing too, and both subscales.
        Assert.Equal(new LonelinessScore(null, null, null, 2), Six(A.Ja, null, A.Nee, A.Ja, null, A.Nee));
    }

    [Fact]
    public void ElevenItemsAllYesScoreTheSixEmotionalItemsAndAllNoTheFiveSocialItems()
    {
        Assert.Equal(new LonelinessScore(6, 0, 6, 0), Eleven([.. Enumerable.Repeat<A?>(A.Ja, 11)]));
        Assert.Equal(new LonelinessScore(5, 5, 0, 0), Eleven([.. Enumerable.Repeat<A?>(A.Nee, 11)]));
        Assert.Equal(new LonelinessScore(11, 5, 6, 0), Eleven([.. Enumerable.Repeat<A?>(A.MinOfMeer, 11)]));
        Assert.Equal("Matig eenzaam", DeJongGierveld.Band(Instrument.DeJongGierveld11, 8));
        Assert.Equal("Ernstig eenzaam", DeJongGierveld.Band(Instrument.DeJongGierveld11, 9));
        Assert.Equal("Zeer ernstig eenzaam", DeJongGierveld.Band(Instrument.DeJongGierveld11, 11));
        Assert.Equal("Niet eenzaam", DeJongGierveld.Band(Instrument.DeJongGierveld11, 2));
    }

    [Fact]
    public void ParticipatieladderMovesAreCountedUpSameAndDown()
    {
        var moves = Moves.Count([(1, 2), (2, 2), (3, 4), (3, 1), (4, 4), (6, 5)]);

        Assert.Equal(new Moves(2, 2, 2), moves);
        Assert.Equal(6, moves.Total);
    }
}
