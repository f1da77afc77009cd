namespace Wijkbasis.Features.Volunteers;

public enum VogState
{
    Valid,
    ExpiresSoon,
    Expired,
    Missing,
}

/// <summary>The Verklaring Omtrent het Gedrag of volunteers and buddies: valid up to and including its expiry date.
/// The Netherlands sets no expiry itself; enterprises choose one (often three years after issue).</summary>
public static class Vog
{
    /// <summary>The expiry used when only the date of issue is filled in.</summary>
    public const int DefaultYears = 3;

    public static bool IsValidOn(DateOnly? expiresOn, DateOnly date) => expiresOn is { } expires && expires >= date;

    /// <summary>How the VOG stands <paramref name="warnDays"/> days ahead of <paramref name="today"/>.</summary>
    public static VogState StateOn(DateOnly? expiresOn, DateOnly today, int warnDays) =>
        expiresOn is not { } expires ? VogState.Missing
        : expires < today ? VogState.Expired
        : expires <= today.AddDays(warnDays) ? VogState.ExpiresSoon
        : VogState.Valid;

    /// <summary>What is wrong with these dates, per field (<c>VogIssuedOn</c>, <c>VogExpiresOn</c>).</summary>
    public static IEnumerable<(string Field, string Message)> CheckDates(DateOnly? issuedOn, DateOnly? expiresOn, DateOnly today)
    {
        if (issuedOn is { } issued && (issued > today || issued.Year < 1990))
        {
            yield return ("VogIssuedOn", "De VOG-datum kan niet in de toekomst liggen.");
        }
        if (expiresOn is { } expires && issuedOn is { } from && expires <= from)
        {
            yield return ("VogExpiresOn", "De VOG verloopt na de datum van afgifte.");
        }
        if (expiresOn is { } until && until > today.AddYears(10))
        {
            yield return ("VogExpiresOn", "Deze verloopdatum ligt te ver vooruit.");
        }
    }

    public static string Label(VogState state) => state switch
    {
        VogState.Valid => "geldig",
        VogState.ExpiresSoon => "verloopt binnenkort",
        VogState.Expired => "verlopen",
        _ => "geen VOG",
    };
}
