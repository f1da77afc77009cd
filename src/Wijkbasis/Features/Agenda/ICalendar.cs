using System.Globalization;
using System.Text;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Agenda;

/// <summary>Writes an RFC 5545 calendar: CRLF lines folded at 75 octets, escaped text, local times with the
/// Europe/Amsterdam time zone spelled out, a stable UID per session and STATUS:CANCELLED for cancelled ones.</summary>
public static class ICalendar
{
    public const string TimeZoneId = "Europe/Amsterdam";

    // The Dutch rule since 1996: summer time from the last Sunday of March 02:00 to the last Sunday of October 03:00.
    private static readonly string[] TimeZone =
    [
        "BEGIN:VTIMEZONE", "TZID:" + TimeZoneId,
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19810329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19961027T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ];

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
        var sb = new StringBuilder();
        void Line(string line) => AppendFolded(sb, line);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Wijkbasis//Agenda//NL");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(calendarName));
        Line("X-WR-TIMEZONE:" + TimeZoneId);
        foreach (var l in TimeZone)
        {
            Line(l);
        }
        var stamp = Utc(stampUtc);
        foreach (var item in events)
        {
            Line("BEGIN:VEVENT");
            Line($"UID:{item.Id:D}@{uidDomain}");
            Line("DTSTAMP:" + stamp);
            Line($"DTSTART;TZID={TimeZoneId}:{Local(item.StartsAt)}");
            Line($"DTEND;TZID={TimeZoneId}:{Local(item.EndsAt)}");
            Line("SUMMARY:" + Escape(item.Summary));
            if (!string.IsNullOrEmpty(item.Location))
            {
                Line("LOCATION:" + Escape(item.Location));
            }
            if (!string.IsNullOrEmpty(item.Description))
            {
                Line("DESCRIPTION:" + Escape(item.Description));
            }
            Line("STATUS:" + (item.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line("SEQUENCE:" + item.Sequence.ToString(CultureInfo.InvariantCulture));
            Line("TRANSP:OPAQUE");
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return sb.ToString();
    }

    private static string Utc(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Local(DateTime utc) => utc.ToAmsterdam().ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped.</summary>
    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character.</summary>
    public static void AppendFolded(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
                limit = 75;
            }
            sb.Append(rune.ToString());
            octets += size;
        }
        sb.Append("\r\n");
    }
}
