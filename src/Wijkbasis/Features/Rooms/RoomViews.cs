using System.Globalization;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Rooms;

/// <summary>Shared bits of the room pages: addresses, dates and amounts as people read them.</summary>
public static class RoomViews
{
    public static string Euro(long cents) => Budget.Money.Format(cents);

    /// <summary>Cents as typed in a form ("12,50"), for a field's value.</summary>
    public static string EuroInput(long cents) => (cents / 100m).ToString("0.00", CultureInfo.GetCultureInfo("nl-NL"));

    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The <c>?week=</c> of a room's calendar that shows <paramref name="date"/>: its Monday ("2026-12-07").</summary>
    public static string WeekKey(DateOnly date) => MondayOf(date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Period(DateTime startsAt, DateTime endsAt)
    {
        var from = startsAt.ToAmsterdam();
        var until = endsAt.ToAmsterdam();
        return DateOnly.FromDateTime(from) == DateOnly.FromDateTime(until) || (until.TimeOfDay == TimeSpan.Zero && until.Date == from.Date.AddDays(1))
            ? $"{from:ddd d MMM yyyy} {from:HH:mm}–{(until.TimeOfDay == TimeSpan.Zero ? "24:00" : until.ToString("HH:mm", CultureInfo.CurrentCulture))}"
            : $"{from:ddd d MMM yyyy HH:mm} – {until:ddd d MMM yyyy HH:mm}";
    }

    /// <summary>The part of a period that falls on one day: "09:00–12:00", "hele dag".</summary>
    public static string TimesOn(DateOnly day, DateTime startsAt, DateTime endsAt)
    {
        var dayStart = Clock.FromAmsterdam(day, TimeOnly.MinValue);
        var dayEnd = Clock.FromAmsterdam(day.AddDays(1), TimeOnly.MinValue);
        var from = startsAt > dayStart ? startsAt : dayStart;
        var until = endsAt < dayEnd ? endsAt : dayEnd;
        if (from == dayStart && until == dayEnd)
        {
            return "hele dag";
        }
        return from.ToAmsterdam().ToString("HH:mm", CultureInfo.InvariantCulture) + "–"
               + (until == dayEnd ? "24:00" : until.ToAmsterdam().ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    public static string Hours(long minutes) =>
        (minutes / 60m).ToString("0.#", CultureInfo.CurrentCulture) + " u";

    public static readonly TariffCategory[] PaidCategories = [TariffCategory.Social, TariffCategory.Entrepreneur, TariffCategory.Commercial];
}
