using System.Globalization;

namespace Wijkbasis.Features.Volunteers;

/// <summary>The rules of volunteering as plain functions (no database), so they have pure unit tests.</summary>
public static class VolunteerRules
{
    public const int MinutesPerDay = 24 * 60;

    /// <summary>Reads a duration as people type it: "2,5" or "2.5" (hours), "2:30" (hours and minutes), "3" (hours),
    /// "45 min" (minutes). Refuses nothing, zero, negative and more than a day.</summary>
    public static (int? Minutes, string? Error) ParseDuration(string? text)
    {
        const string unreadable = "Vul de tijd in als uren, bijvoorbeeld 2,5 of 2:30.";
        var s = (text ?? "").Trim().ToLowerInvariant();
        if (s.Length == 0)
        {
            return (null, "Vul in hoeveel tijd het was, bijvoorbeeld 2,5 of 2:30.");
        }
        int minutes;
        if (s.EndsWith("min", StringComparison.Ordinal) || s.EndsWith('m'))
        {
            var number = s.TrimEnd('m', 'i', 'n').Trim();
            if (!int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out minutes))
            {
                return (null, unreadable);
            }
        }
        else if (s.Contains(':', StringComparison.Ordinal))
        {
            var parts = s.Split(':');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var h)
                || parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m > 59)
            {
                return (null, unreadable);
            }
            minutes = h < 0 || parts[0].StartsWith('-') ? h * 60 - m : h * 60 + m;
        }
        else
        {
            var hoursText = s.EndsWith('u') ? s[..^1].Trim() : s;
            if (hoursText.Contains(',', StringComparison.Ordinal) && hoursText.Contains('.', StringComparison.Ordinal)
                || !decimal.TryParse(hoursText.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture, out var hours))
            {
                return (null, unreadable);
            }
            minutes = (int)Math.Round(Math.Clamp(hours, -100_000m, 100_000m) * 60m, MidpointRounding.AwayFromZero);
        }
        if (minutes <= 0)
        {
            return (null, "De tijd moet meer dan 0 zijn.");
        }
        if (minutes > MinutesPerDay)
        {
            return (null, "Meer dan 24 uur op één dag kan niet. Schrijf langere inzet per dag op.");
        }
        return (minutes, null);
    }

    /// <summary>Why these hours cannot be logged, or null. <paramref name="otherMinutesThatDay"/>: what the person already
    /// logged that day (without the entry being corrected).</summary>
    public static string? CheckHours(DateOnly? workedOn, int minutes, DateOnly today, int otherMinutesThatDay)
    {
        if (workedOn is not { } day)
        {
            return "Vul de datum in.";
        }
        if (day > today)
        {
            return "Deze datum ligt in de toekomst. Schrijf uren op nadat ze gewerkt zijn.";
        }
        if (day < today.AddYears(-2))
        {
            return "Deze datum ligt meer dan twee jaar terug.";
        }
        if (otherMinutesThatDay + minutes > MinutesPerDay)
        {
            return $"Op {day:d-M-yyyy} staat al {Format(otherMinutesThatDay)} uur. Samen kan het niet meer dan 24 uur zijn.";
        }
        return null;
    }

    /// <summary>"2:30" for 150 minutes.</summary>
    public static string Format(long minutes) => $"{minutes / 60}:{minutes % 60:00}";

    /// <summary>What a sign-up is checked against.</summary>
    public sealed record SignupCheck(bool SessionCancelled, DateTime SessionEndsAt, DateOnly SessionDate, bool RoleArchived,
        bool RoleRequiresVog, bool VolunteerArchived, DateOnly? VogExpiresOn);

    /// <summary>Why this volunteer cannot sign up for this session in this role, or null.</summary>
    public static string? CheckSignup(SignupCheck c, DateTime now)
    {
        if (c.SessionCancelled)
        {
            return "Deze sessie gaat niet door. Aanmelden kan niet.";
        }
        if (c.SessionEndsAt <= now)
        {
            return "Deze sessie is al voorbij. Aanmelden kan niet meer.";
        }
        if (c.RoleArchived)
        {
            return "Deze rol wordt niet meer gebruikt. Kies een andere rol.";
        }
        if (c.VolunteerArchived)
        {
            return "Deze vrijwilliger doet niet meer mee.";
        }
        if (c.RoleRequiresVog && !Vog.IsValidOn(c.VogExpiresOn, c.SessionDate))
        {
            return c.VogExpiresOn is null
                ? "Voor deze rol is een VOG nodig. Er is nog geen VOG bekend. Vraag de coördinator."
                : $"Voor deze rol is een geldige VOG nodig. De VOG is op {c.SessionDate:d-M-yyyy} niet meer geldig (verloopt {c.VogExpiresOn:d-M-yyyy}).";
        }
        return null;
    }

    /// <summary>Withdrawing is possible until the session starts.</summary>
    public static string? CheckWithdraw(DateTime sessionStartsAt, DateTime now) =>
        sessionStartsAt <= now ? "Deze sessie is al begonnen. Afmelden kan niet meer; laat het de coördinator weten." : null;

    /// <summary>Why this cannot be logged as a contribution, or null.</summary>
    public static string? CheckContribution(ContributionKind? kind, string? description, DateOnly? givenOn, DateOnly today)
    {
        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            return "Kies wat voor bijdrage het is.";
        }
        if (string.IsNullOrWhiteSpace(description))
        {
            return "Schrijf kort op wat de bijdrage was, bijvoorbeeld ‘brengt koffie mee’.";
        }
        if (description.Trim().Length > Contribution.DescriptionMax)
        {
            return $"De omschrijving mag hoogstens {Contribution.DescriptionMax} tekens lang zijn.";
        }
        if (givenOn is not { } day)
        {
            return "Vul de datum in.";
        }
        if (day > today)
        {
            return "Deze datum ligt in de toekomst.";
        }
        return day < today.AddYears(-2) ? "Deze datum ligt meer dan twee jaar terug." : null;
    }
}
