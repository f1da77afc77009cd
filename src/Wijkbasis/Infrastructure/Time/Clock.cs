namespace Wijkbasis.Infrastructure.Time;

public static class Clock
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateTime UtcNow(this TimeProvider time) => time.GetUtcNow().UtcDateTime;

    /// <summary>Storage is UTC; people read Amsterdam time.</summary>
    public static DateTime ToAmsterdam(this DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Amsterdam);

    public static string Display(this DateTime utc) => utc.ToAmsterdam().ToString("d MMM yyyy HH:mm");
}
