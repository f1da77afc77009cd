namespace Wijkbasis.Infrastructure.Time;

public static class Clock
{
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateTime UtcNow(this TimeProvider time) => time.GetUtcNow().UtcDateTime;

    /// <summary>The date on the wall in the Netherlands now.</summary>
    public static DateOnly AmsterdamToday(this TimeProvider time) => DateOnly.FromDateTime(time.UtcNow().ToAmsterdam());

    /// <summary>Storage is UTC; people read Amsterdam time.</summary>
    public static DateTime ToAmsterdam(this DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Amsterdam);

    /// <summary>A wall-clock time in the Netherlands as UTC. A time that does not exist (the hour skipped when
    /// summer time starts) moves one hour later; a time that happens twice (the hour repeated when summer time
    /// ends) is taken the first time, in summer time, as RFC 5545 calendar apps read it.</summary>
    public static DateTime FromAmsterdam(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Amsterdam.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        if (Amsterdam.IsAmbiguousTime(local))
        {
            var summer = Amsterdam.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - summer, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, Amsterdam);
    }

    public static string Display(this DateTime utc) => utc.ToAmsterdam().ToString("d MMM yyyy HH:mm");

    public static string DisplayTime(this DateTime utc) => utc.ToAmsterdam().ToString("HH:mm");

    /// <summary>"di 24 nov" in the reader's language.</summary>
    public static string DisplayDay(this DateTime utc) => utc.ToAmsterdam().ToString("ddd d MMM");
}
