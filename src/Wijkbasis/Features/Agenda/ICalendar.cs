using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Agenda;

/// <summary>Writes an RFC 5545 calendar with Ical.Net (docs/decisions/0005): local times with the Europe/Amsterdam
/// time zone spelled out, a stable UID per session or booking and STATUS:CANCELLED for cancelled ones. Ical.Net
/// escapes text and folds lines at 75 octets.</summary>
public static class ICalendar
{
    public const string TimeZoneId = "Europe/Amsterdam";

    /// <summary>One event of a feed. <see cref="Id"/> makes its UID, so it must stay the same for the same thing.</summary>
    public sealed record Event(Guid Id, string Summary, string? Location, string? Description, DateTime StartsAt, DateTime EndsAt,
        bool Cancelled, int Sequence);

    public static string Write(string calendarName, string uidDomain, DateTime stampUtc, IEnumerable<PublicAgenda.Item> items) =>
        Write(calendarName, uidDomain, stampUtc, items.Select(item => new Event(item.Id,
            item.Cancelled ? $"Afgelast: {item.Activity}" : item.Activity, item.Place,
            item.Cancelled && item.CancelReason is not null
                ? $"Afgelast: {item.CancelReason}" + (item.Description is null ? "" : "\n\n" + item.Description)
                : item.Description,
            item.StartsAt, item.EndsAt, item.Cancelled, item.Sequence)));

    public static string Write(string calendarName, string uidDomain, DateTime stampUtc, IEnumerable<Event> events)
    {
        var calendar = new Calendar { ProductId = "-//Wijkbasis//Agenda//NL", Method = "PUBLISH", Scale = "GREGORIAN" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        var list = events.ToList();
        // The zone's rules as they hold from the earliest event on (the Dutch rule since 1996 repeats every year).
        var earliest = list.Count == 0 ? stampUtc : list.Min(e => e.StartsAt);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZoneId, earliest.AddYears(-1), includeHistoricalData: false));
        var stamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc), CalDateTime.UtcTzId);
        foreach (var item in list)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{item.Id:D}@{uidDomain}",
                DtStamp = stamp,
                DtStart = Local(item.StartsAt),
                DtEnd = Local(item.EndsAt),
                Summary = item.Summary,
                Location = string.IsNullOrEmpty(item.Location) ? null : item.Location,
                Description = string.IsNullOrEmpty(item.Description) ? null : item.Description,
                Status = item.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Sequence = item.Sequence,
                Transparency = TransparencyType.Opaque,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>A UTC instant as the Amsterdam wall-clock time with its zone (DTSTART;TZID=Europe/Amsterdam:…).</summary>
    private static CalDateTime Local(DateTime utc) =>
        new(DateTime.SpecifyKind(utc.ToAmsterdam(), DateTimeKind.Unspecified), TimeZoneId);
}
