using Wijkbasis.Features.Volunteers;

namespace Wijkbasis.Tests.Features.Volunteers;

/// <summary>The rules of volunteering as plain functions (no database).</summary>
public sealed class VolunteerRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2,5", 150)]
    [InlineData("2.5", 150)]
    [InlineData("2:30", 150)]
    [InlineData(" 3 ", 180)]
    [InlineData("0:45", 45)]
    [InlineData("45 min", 45)]
    [InlineData("1,25u", 75)]
    [InlineData("24", 1440)]
    public void HoursAreReadAsPeopleTypeThem(string text, int minutes) =>
        Assert.Equal((minutes, (Wijkbasis.Features.Shared.Refusal?)null), VolunteerRules.ParseDuration(text));

    [Theory]
    [InlineData("0", "meer dan 0")]
    [InlineData("0:00", "meer dan 0")]
    [InlineData("-2", "meer dan 0")]
    [InlineData("-0:30", "meer dan 0")]
    [InlineData("24,5", "Meer dan 24 uur")]
    [InlineData("25:00", "Meer dan 24 uur")]
    [InlineData("twee", "bijvoorbeeld 2,5")]
    [InlineData("2:75", "bijvoorbeeld 2,5")]
    [InlineData("1.234,5", "bijvoorbeeld 2,5")]
    [InlineData("", "Vul in hoeveel")]
    public void ZeroNegativeMoreThanADayAndNonsenseAreRefused(string text, string message)
    {
        var (minutes, error) = VolunteerRules.ParseDuration(text);
        Assert.Null(minutes);
        Assert.Contains(message, error?.ToString());
    }

    [Fact]
    public void HoursCannotBeInTheFutureNorAddUpToMoreThanADay()
    {
        Assert.Null(VolunteerRules.CheckHours(Today, 120, Today, 0));
        Assert.Contains("toekomst", VolunteerRules.CheckHours(Today.AddDays(1), 60, Today, 0)?.ToString());
        Assert.Contains("Vul de datum", VolunteerRules.CheckHours(null, 60, Today, 0)?.ToString());
        Assert.Contains("twee jaar", VolunteerRules.CheckHours(Today.AddYears(-3), 60, Today, 0)?.ToString());
        Assert.Null(VolunteerRules.CheckHours(Today, 240, Today, 1200));
        Assert.Contains("20:00 uur", VolunteerRules.CheckHours(Today, 241, Today, 1200)?.ToString());
    }

    private static VolunteerRules.SignupCheck Shift(bool cancelled = false, int endsInHours = 3, bool requiresVog = false,
        DateOnly? vogExpires = null, bool roleArchived = false) =>
        new(cancelled, Now.AddHours(endsInHours), Today.AddDays(7), roleArchived, requiresVog, false, vogExpires);

    [Fact]
    public void ASignUpForAnOpenSessionInARoleWithoutVogIsFine() => Assert.Null(VolunteerRules.CheckSignup(Shift(), Now));

    [Fact]
    public void ACancelledOrFinishedSessionOrAnArchivedRoleIsRefused()
    {
        Assert.Contains("gaat niet door", VolunteerRules.CheckSignup(Shift(cancelled: true), Now)?.ToString());
        Assert.Contains("al voorbij", VolunteerRules.CheckSignup(Shift(endsInHours: 0), Now)?.ToString());
        Assert.Contains("niet meer gebruikt", VolunteerRules.CheckSignup(Shift(roleArchived: true), Now)?.ToString());
    }

    [Fact]
    public void ARoleThatNeedsAVogRefusesAMissingOrOnTheSessionDateExpiredVog()
    {
        Assert.Contains("nog geen VOG", VolunteerRules.CheckSignup(Shift(requiresVog: true), Now)?.ToString());
        // Valid today, but expired by the session a week later.
        Assert.Contains("niet meer geldig", VolunteerRules.CheckSignup(Shift(requiresVog: true, vogExpires: Today.AddDays(6)), Now)?.ToString());
        Assert.Null(VolunteerRules.CheckSignup(Shift(requiresVog: true, vogExpires: Today.AddDays(7)), Now));
        Assert.Null(VolunteerRules.CheckSignup(Shift(requiresVog: false, vogExpires: Today.AddDays(-100)), Now));
    }

    [Fact]
    public void WithdrawingIsPossibleUntilTheSessionStarts()
    {
        Assert.Null(VolunteerRules.CheckWithdraw(Now.AddMinutes(1), Now));
        Assert.Contains("al begonnen", VolunteerRules.CheckWithdraw(Now, Now)?.ToString());
    }

    [Fact]
    public void AVogIsValidUpToAndIncludingItsExpiryAndWarnsAheadOfIt()
    {
        Assert.True(Vog.IsValidOn(Today, Today));
        Assert.False(Vog.IsValidOn(Today.AddDays(-1), Today));
        Assert.False(Vog.IsValidOn(null, Today));
        Assert.Equal(VogState.Missing, Vog.StateOn(null, Today, 60));
        Assert.Equal(VogState.Expired, Vog.StateOn(Today.AddDays(-1), Today, 60));
        Assert.Equal(VogState.ExpiresSoon, Vog.StateOn(Today.AddDays(60), Today, 60));
        Assert.Equal(VogState.Valid, Vog.StateOn(Today.AddDays(61), Today, 60));
        Assert.Equal(VogState.ExpiresSoon, Vog.StateOn(Today.AddDays(61), Today, 90));
    }

    [Fact]
    public void VogDatesMustBeInOrderAndNotInTheFuture()
    {
        Assert.Empty(Vog.CheckDates(Today.AddYears(-1), Today.AddYears(2), Today));
        Assert.Contains(Vog.CheckDates(Today.AddDays(1), null, Today), p => p.Field == "VogIssuedOn");
        Assert.Contains(Vog.CheckDates(Today, Today.AddDays(-1), Today), p => p.Field == "VogExpiresOn");
        Assert.Contains(Vog.CheckDates(Today, Today.AddYears(11), Today), p => p.Field == "VogExpiresOn");
    }

    [Fact]
    public void AContributionNeedsAKindAShortDescriptionAndADateNotAhead()
    {
        Assert.Null(VolunteerRules.CheckContribution(ContributionKind.Goods, "brengt koffie mee", Today, Today));
        Assert.Contains("Kies wat", VolunteerRules.CheckContribution(null, "koffie", Today, Today)?.ToString());
        Assert.Contains("Kies wat", VolunteerRules.CheckContribution((ContributionKind)42, "koffie", Today, Today)?.ToString());
        Assert.Contains("Schrijf kort", VolunteerRules.CheckContribution(ContributionKind.Help, " ", Today, Today)?.ToString());
        Assert.Contains("hoogstens", VolunteerRules.CheckContribution(ContributionKind.Help, new string('x', Contribution.DescriptionMax + 1), Today, Today)?.ToString());
        Assert.Contains("toekomst", VolunteerRules.CheckContribution(ContributionKind.Help, "koffie", Today.AddDays(1), Today)?.ToString());
    }

    [Fact]
    public void ARoleNameMustBeFilledInAndShort()
    {
        Assert.NotNull(VolunteerRole.Check(" "));
        Assert.NotNull(VolunteerRole.Check(new string('a', VolunteerRole.NameMax + 1)));
        Assert.Null(VolunteerRole.Check("Gastvrouw"));
        Assert.Equal("gastvrouw", VolunteerRole.KeyOf("  GastVrouw "));
    }
}

/// <summary>The vrager → drager rule (docs/decisions/0012).</summary>
public sealed class VragerDragerTests
{
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly DateOnly D = new(2026, 1, 10);

    private static VragerDrager.Facts Facts(DateOnly? registered = null, DateOnly? received = null, DateOnly? contribution = null,
        DateOnly? hours = null, DateOnly? matchGiven = null) => new(Person, registered, received, contribution, hours, matchGiven);

    [Fact]
    public void AVragerWhoStartsGivingIsInTheRegisterWithBothDates()
    {
        var row = VragerDrager.RowOf(Facts(registered: D, hours: D.AddMonths(3), contribution: D.AddMonths(4)));
        Assert.Equal(new VragerDrager.Row(Person, D, D.AddMonths(3), VragerDrager.GivingKind.Hours), row);
    }

    [Fact]
    public void SupportStartsAtTheEarliestOfRegistrationAsVragerAndTheFirstMatchReceived()
    {
        var row = VragerDrager.RowOf(Facts(registered: D.AddMonths(2), received: D, matchGiven: D.AddMonths(5)))!;
        Assert.Equal((D, D.AddMonths(5), VragerDrager.GivingKind.Match), (row.AskedSince, row.GivesSince, row.FirstGiving));
        Assert.Equal(D, VragerDrager.RowOf(Facts(received: D, contribution: D))!.AskedSince);
    }

    [Fact]
    public void GivingStartsAtTheEarliestContributionHoursOrDoneMatch()
    {
        Assert.Equal(VragerDrager.GivingKind.Contribution,
            VragerDrager.RowOf(Facts(registered: D, contribution: D.AddDays(1), hours: D.AddDays(2), matchGiven: D.AddDays(3)))!.FirstGiving);
    }

    [Fact]
    public void SomeoneWhoGaveBeforeAskingOrNeverAskedOrNeverGaveIsNotInTheRegister()
    {
        Assert.Null(VragerDrager.RowOf(Facts(registered: D, contribution: D.AddDays(-1))));
        Assert.Null(VragerDrager.RowOf(Facts(hours: D)));
        Assert.Null(VragerDrager.RowOf(Facts(registered: D)));
    }
}
