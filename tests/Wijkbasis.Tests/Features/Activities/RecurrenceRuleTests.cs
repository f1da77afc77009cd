using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Tests.Features.Activities;

/// <summary>The rhythm of activities and the rules of the logbook, without a database.</summary>
public sealed class RecurrenceRuleTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public void AWeeklyRuleGivesEveryChosenWeekdayFromTheFirstDate()
    {
        var dates = RecurrenceRule.Dates(Recurrence.Weekly, DayOfWeek.Tuesday, Monday, null, Monday, Monday.AddDays(22)).ToList();
        Assert.Equal([new(2026, 11, 24), new(2026, 12, 1), new(2026, 12, 8), new(2026, 12, 15)], dates);
    }

    [Fact]
    public void EveryOtherWeekCountsFromTheFirstSessionAlsoWhenTheWindowStartsLater()
    {
        var all = RecurrenceRule.Dates(Recurrence.EveryOtherWeek, DayOfWeek.Friday, Monday, null, Monday, Monday.AddDays(60)).ToList();
        var later = RecurrenceRule.Dates(Recurrence.EveryOtherWeek, DayOfWeek.Friday, Monday, null, Monday.AddDays(20), Monday.AddDays(60)).ToList();
        Assert.Equal(new DateOnly(2026, 11, 27), all[0]);
        Assert.All(all.Zip(all.Skip(1)), p => Assert.Equal(14, p.Second.DayNumber - p.First.DayNumber));
        Assert.Equal(all.Where(d => d >= Monday.AddDays(20)), later);
    }

    [Fact]
    public void AOneOffGivesItsDateOnlyAndARuleWithoutADayGivesNothing()
    {
        Assert.Equal([Monday], RecurrenceRule.Dates(Recurrence.Once, null, Monday, null, Monday.AddDays(-7), Monday.AddDays(7)));
        Assert.Empty(RecurrenceRule.Dates(Recurrence.Weekly, null, Monday, null, Monday, Monday.AddDays(30)));
    }

    [Fact]
    public void TheLastDateEndsTheSeries()
    {
        var dates = RecurrenceRule.Dates(Recurrence.Weekly, DayOfWeek.Monday, Monday, Monday.AddDays(14), Monday, Monday.AddDays(60)).ToList();
        Assert.Equal([Monday, Monday.AddDays(7), Monday.AddDays(14)], dates);
    }

    [Fact]
    public void TenOClockStaysTenOClockAcrossTheChangeToAndFromSummerTime()
    {
        var ten = new TimeOnly(10, 0);
        Assert.Equal(new DateTime(2026, 10, 20, 8, 0, 0, DateTimeKind.Utc), Clock.FromAmsterdam(new(2026, 10, 20), ten));
        Assert.Equal(new DateTime(2026, 10, 27, 9, 0, 0, DateTimeKind.Utc), Clock.FromAmsterdam(new(2026, 10, 27), ten));
        Assert.Equal(new DateTime(2027, 3, 23, 9, 0, 0, DateTimeKind.Utc), Clock.FromAmsterdam(new(2027, 3, 23), ten));
        Assert.Equal(new DateTime(2027, 3, 30, 8, 0, 0, DateTimeKind.Utc), Clock.FromAmsterdam(new(2027, 3, 30), ten));
    }

    [Fact]
    public void ATimeInTheSkippedHourMovesOneHourLater()
    {
        // 28 March 2027: clocks jump from 02:00 to 03:00; 02:30 does not exist and becomes 03:30 (01:30 UTC).
        Assert.Equal(new DateTime(2027, 3, 28, 1, 30, 0, DateTimeKind.Utc), Clock.FromAmsterdam(new(2027, 3, 28), new TimeOnly(2, 30)));
    }

    [Fact]
    public void TheLogbookIsClosedToWritesWhenCancelledBeforeItOpensAndAfterClosingExceptForCorrections()
    {
        var now = new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);
        Session At(double hours, bool cancelled = false, bool closed = false) => new()
        {
            StartsAt = now.AddHours(hours), EndsAt = now.AddHours(hours + 2),
            CancelledAt = cancelled ? now : null, ClosedAt = closed ? now : null,
        };
        Assert.Null(LogbookRules.RefuseWrite(At(-1), now, mayCorrect: false));
        Assert.Null(LogbookRules.RefuseWrite(At(0.5), now, mayCorrect: false));
        Assert.NotNull(LogbookRules.RefuseWrite(At(2), now, mayCorrect: true));
        Assert.NotNull(LogbookRules.RefuseWrite(At(-1, cancelled: true), now, mayCorrect: true));
        Assert.NotNull(LogbookRules.RefuseWrite(At(-1, closed: true), now, mayCorrect: false));
        Assert.Null(LogbookRules.RefuseWrite(At(-1, closed: true), now, mayCorrect: true));
    }

    [Fact]
    public void AVolunteerKeepsTheLogbookOfWhatTheyHostAndTheSessionsHostOverridesTheActivitys()
    {
        var me = Guid.NewGuid();
        var other = Guid.NewGuid();
        Assert.True(LogbookRules.MayKeep(null, me, me, isStaff: false));
        Assert.False(LogbookRules.MayKeep(other, me, me, isStaff: false));
        Assert.True(LogbookRules.MayKeep(me, other, me, isStaff: false));
        Assert.False(LogbookRules.MayKeep(null, null, me, isStaff: false));
        Assert.True(LogbookRules.MayKeep(null, null, me, isStaff: true));
    }
}
