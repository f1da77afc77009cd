using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Rooms;

public enum Repeat
{
    Once,
    Weekly,
    EveryOtherWeek,
}

/// <summary>One wanted use of a room: a date and its start and end in UTC (computed from the Amsterdam wall clock).</summary>
public sealed record Slot(DateOnly Date, DateTime StartsAt, DateTime EndsAt);

/// <summary>A time the room is already taken.</summary>
public sealed record Busy(Guid Id, DateTime StartsAt, DateTime EndsAt, string Title, BookingKind Kind);

public sealed record Conflict(Slot Slot, Busy With);

/// <summary>A month of one room: hours open (minus closed periods), hours booked within them, and what the bookings earn.</summary>
public sealed record Occupancy(long OpenMinutes, long BookedMinutes, long IncomeCents, int Bookings)
{
    /// <summary>Whole percent, 0 when the room was not open at all.</summary>
    public int Percent => OpenMinutes == 0 ? 0 : (int)(BookedMinutes * 100 / OpenMinutes);
}

/// <summary>The booking rules, pure: overlap, recurrence, conflicts, prices in cents, opening hours and occupancy.</summary>
public static class RoomRules
{
    public const int Weekdays = (1 << (int)DayOfWeek.Monday) | (1 << (int)DayOfWeek.Tuesday) | (1 << (int)DayOfWeek.Wednesday)
                                | (1 << (int)DayOfWeek.Thursday) | (1 << (int)DayOfWeek.Friday);
    public const int AllDays = 0b111_1111;
    /// <summary>A series runs at most a year (53 weeks of dates).</summary>
    public const int MaxSeriesDays = 371;

    /// <summary>The three parts of a day (Amsterdam time) a part-of-day rate counts.</summary>
    public static readonly (TimeOnly From, TimeOnly Until, string Name)[] PartsOfDay =
    [
        (new(0, 0), new(12, 0), "ochtend"),
        (new(12, 0), new(18, 0), "middag"),
        (new(18, 0), TimeOnly.MaxValue, "avond"),
    ];

    /// <summary>Two periods overlap when each starts before the other ends; touching (one ends at 12:00, the next starts
    /// at 12:00) is fine.</summary>
    public static bool Overlaps(DateTime aStart, DateTime aEnd, DateTime bStart, DateTime bEnd) => aStart < bEnd && bStart < aEnd;

    /// <summary>The dates a booking (or series) gives, or why it cannot be.</summary>
    public static (List<Slot> Slots, Refusal? Problem) Expand(DateOnly first, TimeOnly start, TimeOnly end, Repeat repeat, DateOnly? until)
    {
        if (end <= start)
        {
            return ([], new Refusal("De eindtijd moet na de begintijd liggen."));
        }
        if (!Enum.IsDefined(repeat))
        {
            return ([], new Refusal("Kies of de boeking zich herhaalt."));
        }
        if (repeat == Repeat.Once)
        {
            return ([SlotOn(first, start, end)], null);
        }
        if (until is not { } last)
        {
            return ([], new Refusal("Vul in tot wanneer de boeking zich herhaalt."));
        }
        if (last < first)
        {
            return ([], new Refusal("De laatste datum moet op of na de eerste datum liggen."));
        }
        if (last.DayNumber - first.DayNumber > MaxSeriesDays)
        {
            return ([], new Refusal("Een reeks loopt hoogstens een jaar. Kies een eerdere laatste datum."));
        }
        var step = repeat == Repeat.Weekly ? 7 : 14;
        var slots = new List<Slot>();
        for (var d = first; d <= last; d = d.AddDays(step))
        {
            slots.Add(SlotOn(d, start, end));
        }
        return (slots, null);
    }

    public static Slot SlotOn(DateOnly date, TimeOnly start, TimeOnly end) =>
        new(date, Clock.FromAmsterdam(date, start), Clock.FromAmsterdam(date, end));

    /// <summary>Every wanted slot that overlaps something already there, in date order.</summary>
    public static List<Conflict> Conflicts(IEnumerable<Slot> wanted, IReadOnlyCollection<Busy> taken) =>
        wanted.SelectMany(s => taken.Where(b => Overlaps(s.StartsAt, s.EndsAt, b.StartsAt, b.EndsAt)).OrderBy(b => b.StartsAt).Take(1)
                .Select(b => new Conflict(s, b)))
            .OrderBy(c => c.Slot.StartsAt).ToList();

    /// <summary>A rate must be zero or more, in whole cents, and not absurd.</summary>
    public static Refusal? CheckRate(long cents, string label) =>
        cents < 0 ? new Refusal("Het tarief {0} mag niet negatief zijn.", label)
        : cents > Room.RateMax ? new Refusal("Het tarief {0} is te hoog (hoogstens {1}).", label, Budget.Money.Format(Room.RateMax))
        : null;

    /// <summary>The price in cents. Per hour: the rate times the minutes, rounded to the nearest cent (half a cent up).
    /// Per part of day: the rate for every part of the day (ochtend, middag, avond, Amsterdam time) the booking touches.</summary>
    public static long Price(TariffUnit unit, long rateCents, DateTime startsAt, DateTime endsAt)
    {
        if (rateCents < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rateCents), "A rate is never negative.");
        }
        if (endsAt <= startsAt || rateCents == 0)
        {
            return 0;
        }
        if (unit == TariffUnit.Hour)
        {
            var minutes = (long)Math.Round((endsAt - startsAt).TotalMinutes);
            return (rateCents * minutes + 30) / 60;
        }
        return rateCents * CountPartsOfDay(startsAt, endsAt);
    }

    /// <summary>How many parts of a day (per local date) the period touches; a period over midnight counts both days.</summary>
    public static int CountPartsOfDay(DateTime startsAt, DateTime endsAt)
    {
        var from = startsAt.ToAmsterdam();
        var until = endsAt.ToAmsterdam();
        var count = 0;
        for (var day = DateOnly.FromDateTime(from); day <= DateOnly.FromDateTime(until); day = day.AddDays(1))
        {
            foreach (var part in PartsOfDay)
            {
                var partStart = day.ToDateTime(part.From);
                var partEnd = part.Until == TimeOnly.MaxValue ? day.AddDays(1).ToDateTime(TimeOnly.MinValue) : day.ToDateTime(part.Until);
                if (from < partEnd && partStart < until)
                {
                    count++;
                }
            }
        }
        return count;
    }

    /// <summary>When the room is open on <paramref name="date"/> (UTC), or null when it is closed that day.</summary>
    public static (DateTime From, DateTime Until)? OpenWindow(Room room, DateOnly date) =>
        !room.IsOpenOn(date.DayOfWeek) || room.ClosesAt <= room.OpensAt
            ? null
            : (Clock.FromAmsterdam(date, room.OpensAt), Clock.FromAmsterdam(date, room.ClosesAt));

    /// <summary>Whether a slot lies within the room's opening hours (public requests must).</summary>
    public static bool WithinOpeningHours(Room room, Slot slot) =>
        OpenWindow(room, slot.Date) is { } w && slot.StartsAt >= w.From && slot.EndsAt <= w.Until;

    /// <summary>The free parts of a window once the busy periods are taken out; parts shorter than
    /// <paramref name="minimum"/> are left out.</summary>
    public static List<(DateTime From, DateTime Until)> FreeIntervals(DateTime from, DateTime until, IEnumerable<Busy> busy, TimeSpan minimum = default)
    {
        var free = new List<(DateTime, DateTime)>();
        var cursor = from;
        foreach (var b in busy.Where(b => Overlaps(from, until, b.StartsAt, b.EndsAt)).OrderBy(b => b.StartsAt))
        {
            if (b.StartsAt > cursor)
            {
                free.Add((cursor, b.StartsAt));
            }
            if (b.EndsAt > cursor)
            {
                cursor = b.EndsAt;
            }
        }
        if (cursor < until)
        {
            free.Add((cursor, until));
        }
        return free.Where(f => f.Item2 - f.Item1 >= minimum && f.Item2 > f.Item1).ToList();
    }

    /// <summary>Occupancy of one room in one month: the open minutes of the open days minus closed (blocked) periods,
    /// the minutes of bookings inside them, and the income of the bookings that start in the month. Cancelled rows
    /// count for nothing.</summary>
    public static Occupancy MonthOf(Room room, int year, int month, IReadOnlyCollection<RoomBooking> rows)
    {
        var active = rows.Where(r => r.RoomId == room.Id && r.CancelledAt is null).ToList();
        var blocks = active.Where(r => r.Kind == BookingKind.Block).Select(ToBusy).ToList();
        var bookings = active.Where(r => r.Kind == BookingKind.Booking).ToList();
        long open = 0, booked = 0;
        var first = new DateOnly(year, month, 1);
        for (var day = first; day.Month == month; day = day.AddDays(1))
        {
            if (OpenWindow(room, day) is not { } window)
            {
                continue;
            }
            foreach (var (from, until) in FreeIntervals(window.From, window.Until, blocks))
            {
                open += (long)(until - from).TotalMinutes;
                booked += bookings.Sum(b => OverlapMinutes(from, until, b.StartsAt, b.EndsAt));
            }
        }
        var monthStart = Clock.FromAmsterdam(first, TimeOnly.MinValue);
        var monthEnd = Clock.FromAmsterdam(first.AddMonths(1), TimeOnly.MinValue);
        var inMonth = bookings.Where(b => b.StartsAt >= monthStart && b.StartsAt < monthEnd).ToList();
        return new Occupancy(open, booked, inMonth.Sum(b => b.PriceCents), inMonth.Count);
    }

    public static Busy ToBusy(RoomBooking b) => new(b.Id, b.StartsAt, b.EndsAt, b.Title, b.Kind);

    private static long OverlapMinutes(DateTime aStart, DateTime aEnd, DateTime bStart, DateTime bEnd)
    {
        var start = aStart > bStart ? aStart : bStart;
        var end = aEnd < bEnd ? aEnd : bEnd;
        return end > start ? (long)(end - start).TotalMinutes : 0;
    }

    public static string FacilityLabel(Facility f) => f switch
    {
        Facility.Kitchen => "keuken",
        Facility.Projector => "beamer",
        Facility.Wheelchair => "rolstoeltoegankelijk",
        Facility.Wifi => "wifi",
        Facility.Sound => "geluidsinstallatie",
        Facility.Whiteboard => "whiteboard",
        Facility.Garden => "tuin",
        _ => f.ToString(),
    };

    public static readonly Facility[] AllFacilities =
        [Facility.Kitchen, Facility.Projector, Facility.Wheelchair, Facility.Wifi, Facility.Sound, Facility.Whiteboard, Facility.Garden];

    public static string FacilitiesText(Facility f) =>
        string.Join(", ", AllFacilities.Where(x => f.HasFlag(x)).Select(FacilityLabel));

    public static string CategoryLabel(TariffCategory c) => c switch
    {
        TariffCategory.Own => "eigen gebruik (gratis)",
        TariffCategory.Social => "sociaal tarief",
        TariffCategory.Entrepreneur => "buurtondernemer",
        TariffCategory.Commercial => "commercieel",
        _ => c.ToString(),
    };

    public static string UnitLabel(TariffUnit u) => u == TariffUnit.Hour ? "per uur" : "per dagdeel";
}
