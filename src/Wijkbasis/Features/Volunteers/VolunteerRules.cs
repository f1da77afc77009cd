using System.Globalization;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Volunteers;

/// <summary>The rules of volunteering as plain functions (no database), so they have pure unit tests.</summary>
public static class VolunteerRules
{
    public const int MinutesPerDay = 24 * 60;

    /// <summary>Reads a duration as people type it: "2,5" or "2.5" (hours), "2:30" (hours and minutes), "3" (hours),
    /// "45 min" (minutes). Refuses nothing, zero, negative and more than a day.</summary>
    public static (int? Minutes, Refusal? Error) ParseDuration(string? text)
    {
        var unreadable = new Refusal("Vul de tijd in als uren, bijvoorbeeld 2,5 of 2:30.");
        var s = (text ?? "").Trim().ToLowerInvariant();
        if (s.Length == 0)
        {
            return (null, new Refusal("Vul in hoeveel tijd het was, bijvoorbeeld 2,5 of 2:30."));
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
            return (null, new Refusal("De tijd moet meer dan 0 zijn."));
        }
        if (minutes > MinutesPerDay)
        {
            return (null, new Refusal("Meer dan 24 uur op één dag kan niet. Schrijf langere inzet per dag op."));
        }
        return (minutes, null);
    }

    /// <summary>Why these hours cannot be logged, or null. <paramref name="otherMinutesThatDay"/>: what the person already
    /// logged that day (without the entry being corrected).</summary>
    public static Refusal? CheckHours(DateOnly? workedOn, int minutes, DateOnly today, int otherMinutesThatDay)
    {
        if (workedOn is not { } day)
        {
            return new Refusal("Vul de datum in.");
        }
        if (day > today)
        {
            return new Refusal("Deze datum ligt in de toekomst. Schrijf uren op nadat ze gewerkt zijn.");
        }
        if (day < today.AddYears(-2))
        {
            return new Refusal("Deze datum ligt meer dan twee jaar terug.");
        }
        if (otherMinutesThatDay + minutes > MinutesPerDay)
        {
            return new Refusal("Op {0} staat al {1} uur. Samen kan het niet meer dan 24 uur zijn.", day.ToString("d-M-yyyy", CultureInfo.InvariantCulture), Format(otherMinutesThatDay));
        }
        return null;
    }

    /// <summary>"2:30" for 150 minutes.</summary>
    public static string Format(long minutes) => $"{minutes / 60}:{minutes % 60:00}";

    /// <summary>What a sign-up is checked against.</summary>
    public sealed record SignupCheck(bool SessionCancelled, DateTime SessionEndsAt, DateOnly SessionDate, bool RoleArchived,
        bool RoleRequiresVog, bool VolunteerArchived, DateOnly? VogExpiresOn);

    /// <summary>Why this volunteer cannot sign up for this session in this role, or null.</summary>
    public static Refusal? CheckSignup(SignupCheck c, DateTime now)
    {
        if (c.SessionCancelled)
        {
            return new Refusal("Deze sessie gaat niet door. Aanmelden kan niet.");
        }
        if (c.SessionEndsAt <= now)
        {
            return new Refusal("Deze sessie is al voorbij. Aanmelden kan niet meer.");
        }
        if (c.RoleArchived)
        {
            return new Refusal("Deze rol wordt niet meer gebruikt. Kies een andere rol.");
        }
        if (c.VolunteerArchived)
        {
            return new Refusal("Deze vrijwilliger doet niet meer mee.");
        }
        if (c.RoleRequiresVog && !Vog.IsValidOn(c.VogExpiresOn, c.SessionDate))
        {
            return c.VogExpiresOn is null
                ? new Refusal("Voor deze rol is een VOG nodig. Er is nog geen VOG bekend. Vraag de coördinator.")
                : new Refusal("Voor deze rol is een geldige VOG nodig. De VOG is op {0} niet meer geldig (verloopt {1}).",
                    c.SessionDate.ToString("d-M-yyyy", CultureInfo.InvariantCulture), c.VogExpiresOn.Value.ToString("d-M-yyyy", CultureInfo.InvariantCulture));
        }
        return null;
    }

    /// <summary>Withdrawing is possible until the session starts.</summary>
    public static Refusal? CheckWithdraw(DateTime sessionStartsAt, DateTime now) =>
        sessionStartsAt <= now ? new Refusal("Deze sessie is al begonnen. Afmelden kan niet meer; laat het de coördinator weten.") : null;

    /// <summary>Why this cannot be logged as a contribution, or null.</summary>
    public static Refusal? CheckContribution(ContributionKind? kind, string? description, DateOnly? givenOn, DateOnly today)
    {
        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            return new Refusal("Kies wat voor bijdrage het is.");
        }
        if (string.IsNullOrWhiteSpace(description))
        {
            return new Refusal("Schrijf kort op wat de bijdrage was, bijvoorbeeld ‘brengt koffie mee’.");
        }
        if (description.Trim().Length > Contribution.DescriptionMax)
        {
            return new Refusal("De omschrijving mag hoogstens {0} tekens lang zijn.", Contribution.DescriptionMax);
        }
        if (givenOn is not { } day)
        {
            return new Refusal("Vul de datum in.");
        }
        if (day > today)
        {
            return new Refusal("Deze datum ligt in de toekomst.");
        }
        return day < today.AddYears(-2) ? new Refusal("Deze datum ligt meer dan twee jaar terug.") : null;
    }
}
