using Wijkbasis.Features.Rooms;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Tests.Features.Rooms;

/// <summary>The booking rules without a database: overlap, recurrence, conflicts, prices in cents, opening hours,
/// closed periods and occupancy.</summary>
public sealed class RoomRulesTests
{
    private static DateTime At(int y, int m, int d, int h, int min = 0) => Clock.FromAmsterdam(new DateOnly(y, m, d), new TimeOnly(h, min));

    private static Room Hall(TariffUnit unit = TariffUnit.Hour) => new()
    {
        Name = "Zaal", Capacity = 30, Unit = unit, SocialRateCents = 1000, EntrepreneurRateCents = 1750, CommercialRateCents = 4500,
        OpensAt = new(9, 0), ClosesAt = new(17, 0), OpenDays = RoomRules.Weekdays,
    };

    [Fact]
    public void PeriodsThatTouchDoNotOverlapButPeriodsThatShareAMinuteDo()
    {
        Assert.False(RoomRules.Overlaps(At(2026, 12, 7, 10), At(2026, 12, 7, 12), At(2026, 12, 7, 12), At(2026, 12, 7, 14)));
        Assert.True(RoomRules.Overlaps(At(2026, 12, 7, 10), At(2026, 12, 7, 12), At(2026, 12, 7, 11, 59), At(2026, 12, 7, 14)));
        Assert.True(RoomRules.Overlaps(At(2026, 12, 7, 9), At(2026, 12, 7, 18), At(2026, 12, 7, 12), At(2026, 12, 7, 13)));
    }

    [Fact]
    public void AWeeklySeriesGivesEveryWeekUpToAndIncludingTheLastDate()
    {
        var (slots, problem) = RoomRules.Expand(new(2026, 12, 1), new(19, 0), new(20, 30), Repeat.Weekly, new(2026, 12, 29));
        Assert.Null(problem);
        Assert.Equal([new(2026, 12, 1), new(2026, 12, 8), new(2026, 12, 15), new(2026, 12, 22), new DateOnly(2026, 12, 29)], slots.Select(s => s.Date));
        var (everyOther, _) = RoomRules.Expand(new(2026, 12, 1), new(19, 0), new(20, 30), Repeat.EveryOtherWeek, new(2026, 12, 28));
        Assert.Equal([new(2026, 12, 1), new(2026, 12, 15)], everyOther.Select(s => s.Date));
    }

    [Fact]
    public void ASeriesKeepsItsWallClockTimeAcrossBothChangesOfSummerTime()
    {
        var (slots, _) = RoomRules.Expand(new(2026, 10, 20), new(10, 0), new(12, 0), Repeat.Weekly, new(2027, 4, 6));
        var autumn = slots.Single(s => s.Date == new DateOnly(2026, 10, 27));
        var before = slots.Single(s => s.Date == new DateOnly(2026, 10, 20));
        var spring = slots.Single(s => s.Date == new DateOnly(2027, 3, 30));
        // 10:00 in Amsterdam is 08:00 UTC in summer time, 09:00 UTC in winter time.
        Assert.Equal(new DateTime(2026, 10, 20, 8, 0, 0, DateTimeKind.Utc), before.StartsAt);
        Assert.Equal(new DateTime(2026, 10, 27, 9, 0, 0, DateTimeKind.Utc), autumn.StartsAt);
        Assert.Equal(new DateTime(2027, 3, 30, 8, 0, 0, DateTimeKind.Utc), spring.StartsAt);
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromHours(2), s.EndsAt - s.StartsAt));
    }

    [Theory]
    [InlineData(12, 0, 10, 0, Repeat.Once, null, "De eindtijd moet na de begintijd liggen.")]
    [InlineData(10, 0, 10, 0, Repeat.Once, null, "De eindtijd moet na de begintijd liggen.")]
    [InlineData(10, 0, 12, 0, Repeat.Weekly, null, "Vul in tot wanneer de boeking zich herhaalt.")]
    [InlineData(10, 0, 12, 0, Repeat.Weekly, "2026-11-30", "De laatste datum moet op of na de eerste datum liggen.")]
    [InlineData(10, 0, 12, 0, Repeat.Weekly, "2028-01-01", "Een reeks loopt hoogstens een jaar. Kies een eerdere laatste datum.")]
    public void ImpossibleBookingsAreRefusedWithADutchReason(int sh, int sm, int eh, int em, Repeat repeat, string? until, string message)
    {
        var (slots, problem) = RoomRules.Expand(new(2026, 12, 1), new(sh, sm), new(eh, em), repeat, until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(slots);
        Assert.Equal(message, problem?.ToString());
    }

    [Fact]
    public void ConflictsNameEachTakenDateAndWhatTakesIt()
    {
        var (slots, _) = RoomRules.Expand(new(2026, 12, 1), new(19, 0), new(21, 0), Repeat.Weekly, new(2026, 12, 29));
        var taken = new List<Busy>
        {
            new(Guid.NewGuid(), At(2026, 12, 8, 20), At(2026, 12, 8, 22), "Bewonersavond", BookingKind.Booking),
            new(Guid.NewGuid(), At(2026, 12, 24, 0), At(2027, 1, 2, 0), "Kerstvakantie", BookingKind.Block),
            // Ends exactly when the series starts: no conflict.
            new(Guid.NewGuid(), At(2026, 12, 15, 17), At(2026, 12, 15, 19), "Yoga", BookingKind.Booking),
        };
        var conflicts = RoomRules.Conflicts(slots, taken);
        Assert.Equal([(new DateOnly(2026, 12, 8), "Bewonersavond"), (new DateOnly(2026, 12, 29), "Kerstvakantie")],
            conflicts.Select(c => (c.Slot.Date, c.With.Title)));
    }

    [Fact]
    public void AnHourlyRateCountsToTheMinuteAndRoundsToTheNearestCent()
    {
        // 1,5 hours at € 17,50 is € 26,25.
        Assert.Equal(2625, RoomRules.Price(TariffUnit.Hour, 1750, At(2026, 12, 7, 19), At(2026, 12, 7, 20, 30)));
        // 50 minutes at € 10,00 is € 8,333… → € 8,33; 10 minutes at € 0,03 is half a cent → 1 cent.
        Assert.Equal(833, RoomRules.Price(TariffUnit.Hour, 1000, At(2026, 12, 7, 10), At(2026, 12, 7, 10, 50)));
        Assert.Equal(1, RoomRules.Price(TariffUnit.Hour, 3, At(2026, 12, 7, 10), At(2026, 12, 7, 10, 10)));
        Assert.Equal(0, RoomRules.Price(TariffUnit.Hour, 0, At(2026, 12, 7, 10), At(2026, 12, 7, 12)));
    }

    [Fact]
    public void AnHourIsAnHourOnTheNightSummerTimeEnds()
    {
        // 25 October 2026: 02:00–03:00 happens twice; 01:00 to 04:00 local time is four real hours.
        var start = new DateTime(2026, 10, 24, 23, 0, 0, DateTimeKind.Utc);
        Assert.Equal(4000, RoomRules.Price(TariffUnit.Hour, 1000, start, start.AddHours(4)));
    }

    [Fact]
    public void APartOfDayRateCountsEveryPartTheBookingTouches()
    {
        Assert.Equal(1, RoomRules.CountPartsOfDay(At(2026, 12, 7, 9), At(2026, 12, 7, 12)));
        Assert.Equal(2, RoomRules.CountPartsOfDay(At(2026, 12, 7, 10), At(2026, 12, 7, 13)));
        Assert.Equal(3, RoomRules.CountPartsOfDay(At(2026, 12, 7, 9), At(2026, 12, 7, 22)));
        Assert.Equal(1, RoomRules.CountPartsOfDay(At(2026, 12, 7, 18), At(2026, 12, 7, 22)));
        Assert.Equal(2 * 4000, RoomRules.Price(TariffUnit.PartOfDay, 4000, At(2026, 12, 7, 10), At(2026, 12, 7, 13)));
        var kitchen = Hall(TariffUnit.PartOfDay);
        Assert.Equal(4500, kitchen.PriceFor(TariffCategory.Commercial, At(2026, 12, 7, 13), At(2026, 12, 7, 17)));
        Assert.Equal(0, kitchen.PriceFor(TariffCategory.Own, At(2026, 12, 7, 13), At(2026, 12, 7, 17)));
    }

    [Fact]
    public void ANegativeRateIsRefused()
    {
        Assert.Equal("Het tarief sociaal mag niet negatief zijn.", RoomRules.CheckRate(-1, "sociaal")?.ToString());
        Assert.NotNull(RoomRules.CheckRate(Room.RateMax + 1, "sociaal"));
        Assert.Null(RoomRules.CheckRate(0, "sociaal"));
        Assert.Throws<ArgumentOutOfRangeException>(() => RoomRules.Price(TariffUnit.Hour, -100, At(2026, 12, 7, 10), At(2026, 12, 7, 11)));
    }

    [Fact]
    public void FreeTimeIsTheOpeningHoursWithoutWhatIsTaken()
    {
        var room = Hall();
        var window = RoomRules.OpenWindow(room, new(2026, 12, 7))!.Value;
        var free = RoomRules.FreeIntervals(window.From, window.Until,
        [
            new(Guid.NewGuid(), At(2026, 12, 7, 10), At(2026, 12, 7, 12), "a", BookingKind.Booking),
            new(Guid.NewGuid(), At(2026, 12, 7, 11), At(2026, 12, 7, 13), "b", BookingKind.Booking),
            new(Guid.NewGuid(), At(2026, 12, 7, 16, 30), At(2026, 12, 7, 20), "c", BookingKind.Block),
        ], TimeSpan.FromHours(1));
        Assert.Equal([(At(2026, 12, 7, 9), At(2026, 12, 7, 10)), (At(2026, 12, 7, 13), At(2026, 12, 7, 16, 30))], free);
        Assert.Null(RoomRules.OpenWindow(room, new(2026, 12, 6)));
        Assert.True(RoomRules.WithinOpeningHours(room, RoomRules.SlotOn(new(2026, 12, 7), new(9, 0), new(17, 0))));
        Assert.False(RoomRules.WithinOpeningHours(room, RoomRules.SlotOn(new(2026, 12, 7), new(16, 0), new(18, 0))));
        Assert.False(RoomRules.WithinOpeningHours(room, RoomRules.SlotOn(new(2026, 12, 5), new(10, 0), new(12, 0))));
    }

    [Fact]
    public void OccupancyIsBookedTimeOverOpenTimeWithClosedPeriodsLeftOutAndCancelledBookingsIgnored()
    {
        var room = Hall();
        RoomBooking Row(BookingKind kind, DateTime from, DateTime until, long price, bool cancelled = false) => new()
        {
            RoomId = room.Id, Kind = kind, Title = "x", StartsAt = from, EndsAt = until, PriceCents = price,
            CancelledAt = cancelled ? from : null,
        };
        // February 2027: 20 weekdays of 8 hours = 160 hours open; a closed week (5 days) leaves 120.
        var rows = new List<RoomBooking>
        {
            Row(BookingKind.Block, At(2027, 2, 15, 0), At(2027, 2, 20, 0), 0),
            Row(BookingKind.Booking, At(2027, 2, 1, 9), At(2027, 2, 1, 15), 6000),
            Row(BookingKind.Booking, At(2027, 2, 2, 16), At(2027, 2, 2, 20), 4000),
            Row(BookingKind.Booking, At(2027, 2, 3, 9), At(2027, 2, 3, 17), 9999, cancelled: true),
            Row(BookingKind.Booking, At(2027, 3, 1, 9), At(2027, 3, 1, 17), 5555),
        };
        var feb = RoomRules.MonthOf(room, 2027, 2, rows);
        Assert.Equal(120 * 60, feb.OpenMinutes);
        // 6 hours, plus the one hour of the second booking that falls within opening hours.
        Assert.Equal(7 * 60, feb.BookedMinutes);
        Assert.Equal(5, feb.Percent);
        Assert.Equal(10000, feb.IncomeCents);
        Assert.Equal(2, feb.Bookings);
    }
}
