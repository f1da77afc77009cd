using Wijkbasis.Features.Talents;

namespace Wijkbasis.Tests.Features.Talents;

/// <summary>The guided lifecycle of a match between two neighbours, as domain methods (no database).</summary>
public sealed class MatchLifecycleTests
{
    private static readonly DateTime T0 = new(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Giver = Guid.NewGuid();
    private static readonly Guid Receiver = Guid.NewGuid();

    private static Match New() => Match.Suggest(Giver, Receiver, "boodschappen", ["Kan helpen met boodschappen"], "Corrie", T0).Match!;

    [Fact]
    public void AMatchGoesFromSuggestedThroughIntroducedAgreedAndDoneToThanked()
    {
        var m = New();
        Assert.Equal(MatchStatus.Suggested, m.Status);
        Assert.Null(m.Introduce("Corrie", T0.AddDays(1)));
        Assert.Null(m.Agree(T0.AddDays(2)));
        Assert.Null(m.Complete(T0.AddDays(5)));
        Assert.Null(m.Thank(T0.AddDays(6)));
        Assert.Equal(MatchStatus.Thanked, m.Status);
        Assert.Equal("Corrie", m.IntroducedByName);
        Assert.Equal(T0.AddDays(5), m.DoneAt);
        Assert.Equal(T0.AddDays(6), m.LastMovedAt);
        Assert.False(m.IsOpen);
    }

    [Fact]
    public void WhoGaveWhoReceivedAndWhenStayOnTheMatchForTheDragerCount()
    {
        var m = New();
        m.Introduce("Corrie", T0.AddDays(1));
        m.Agree(T0.AddDays(2));
        m.Complete(T0.AddDays(3));
        Assert.Equal((Giver, Receiver, T0.AddDays(3)), (m.GiverPersonId, m.ReceiverPersonId, m.DoneAt!.Value));
    }

    [Fact]
    public void AStepOutOfOrderIsRefusedAndChangesNothing()
    {
        var m = New();
        var version = m.Version;
        Assert.Contains("Deze stap kan nu niet", m.Agree(T0.AddDays(1))?.ToString());
        Assert.Contains("Deze stap kan nu niet", m.Complete(T0.AddDays(1))?.ToString());
        Assert.Contains("Deze stap kan nu niet", m.Thank(T0.AddDays(1))?.ToString());
        Assert.Equal(MatchStatus.Suggested, m.Status);
        Assert.Equal(version, m.Version);
        Assert.Equal(T0, m.LastMovedAt);
        m.Introduce("Corrie", T0.AddDays(1));
        Assert.Contains("al kennisgemaakt", m.Introduce("Corrie", T0.AddDays(2))?.ToString());
    }

    [Fact]
    public void AMatchOfAPersonWithThemselfIsRefused()
    {
        var (match, error) = Match.Suggest(Giver, Giver, "klussen", [], "Corrie", T0);
        Assert.Null(match);
        Assert.Contains("niet aan zichzelf", error?.ToString());
    }

    [Fact]
    public void FizzlingNeedsAReasonAndOnlyAnOpenMatchCanFizzle()
    {
        var m = New();
        Assert.Contains("Schrijf op waarom", m.Fizzle("  ", T0.AddDays(1))?.ToString());
        Assert.Contains("hoogstens", m.Fizzle(new string('x', Match.ReasonMax + 1), T0.AddDays(1))?.ToString());
        Assert.Equal(MatchStatus.Suggested, m.Status);
        Assert.Null(m.Fizzle(" Geen klik. ", T0.AddDays(1)));
        Assert.Equal((MatchStatus.Fizzled, "Geen klik."), (m.Status, m.FizzleReason));
        Assert.NotNull(m.Introduce("Corrie", T0.AddDays(2)));

        var done = New();
        done.Introduce("Corrie", T0);
        done.Agree(T0);
        done.Complete(T0);
        Assert.Contains("kan niet meer stoppen", done.Fizzle("Toch niet", T0.AddDays(1))?.ToString());
        Assert.Equal(MatchStatus.Done, done.Status);
    }

    [Fact]
    public void AnOpenMatchThatHasNotMovedForNDaysIsStalledAndANoteCountsAsMovement()
    {
        var m = New();
        Assert.False(m.IsStalled(T0.AddDays(14), 14));
        Assert.True(m.IsStalled(T0.AddDays(14).AddMinutes(1), 14));
        m.Touch(T0.AddDays(10));
        Assert.False(m.IsStalled(T0.AddDays(20), 14));
        Assert.True(m.IsStalled(T0.AddDays(25), 14));

        m.Introduce("Corrie", T0.AddDays(30));
        m.Agree(T0.AddDays(30));
        m.Complete(T0.AddDays(30));
        Assert.False(m.IsStalled(T0.AddDays(300), 14));
    }

    [Fact]
    public void ANoteOverTheLengthLimitOrEmptyIsRefused()
    {
        Assert.Contains("te lang", MatchNote.Check(new string('a', MatchNote.TextMax + 1))?.ToString());
        Assert.NotNull(MatchNote.Check(" "));
        Assert.Null(MatchNote.Check(new string('a', MatchNote.TextMax)));
    }

    [Fact]
    public void ATagNameMustBeShortAndWithoutSeparators()
    {
        Assert.NotNull(TalentTag.Check(""));
        Assert.NotNull(TalentTag.Check("bakken, koken"));
        Assert.NotNull(TalentTag.Check(new string('a', TalentTag.NameMax + 1)));
        Assert.Null(TalentTag.Check("Arabisch vertalen"));
        Assert.Equal("arabisch vertalen", TalentTag.KeyOf("  Arabisch Vertalen "));
    }
}
