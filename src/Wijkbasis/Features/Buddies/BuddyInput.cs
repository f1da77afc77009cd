using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.People;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Buddies;

/// <summary>The buddy form. Validation in one place, with Dutch messages per field.</summary>
public sealed class BuddyInput
{
    public Guid? UserId { get; set; }
    public string? Name { get; set; }
    public BuddyKind Kind { get; set; }
    public string? Organisation { get; set; }
    public string? Skills { get; set; }
    public string? Languages { get; set; }
    public List<int> Availability { get; set; } = [];
    public int MaxResidents { get; set; } = 2;
    public string? Postcode { get; set; }
    public DateOnly? VogIssuedOn { get; set; }
    public DateOnly? VogExpiresOn { get; set; }

    public static BuddyInput From(Buddy b) => new()
    {
        UserId = b.UserId, Name = b.Name, Kind = b.Kind, Organisation = b.Organisation, Skills = Tags.Display(b.Skills),
        Languages = Tags.Display(b.Languages), MaxResidents = b.MaxResidents, Postcode = b.Postcode,
        VogIssuedOn = b.VogIssuedOn, VogExpiresOn = b.VogExpiresOn,
        Availability = Enumerable.Range(0, 21).Where(bit => (b.Availability & (1 << bit)) != 0).ToList(),
    };

    public int AvailabilityMask => Availability.Where(bit => bit is >= 0 and < 21).Aggregate(0, (mask, bit) => mask | (1 << bit));

    public IEnumerable<(string Field, Refusal Message)> Check(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return (nameof(Name), new("Vul een naam in."));
        }
        else if (Name.Trim().Length > Buddy.NameMax)
        {
            yield return (nameof(Name), new("De naam is te lang (hoogstens {0} tekens).", Buddy.NameMax));
        }
        if (!Enum.IsDefined(Kind))
        {
            yield return (nameof(Kind), new("Kies wat voor buddy dit is."));
        }
        if (Kind == BuddyKind.Professional && string.IsNullOrWhiteSpace(Organisation))
        {
            yield return (nameof(Organisation), new("Vul bij een professional de organisatie in, bijvoorbeeld het sociaal wijkteam."));
        }
        if (Organisation is { Length: > Buddy.OrganisationMax })
        {
            yield return (nameof(Organisation), new("De organisatie is te lang (hoogstens {0} tekens).", Buddy.OrganisationMax));
        }
        if (Tags.Normalize(Skills).Length > Buddy.TagsMax)
        {
            yield return (nameof(Skills), new("Te veel vaardigheden (hoogstens {0} tekens).", Buddy.TagsMax));
        }
        if (Tags.Normalize(Languages).Length > Buddy.TagsMax)
        {
            yield return (nameof(Languages), new("Te veel talen (hoogstens {0} tekens).", Buddy.TagsMax));
        }
        if (MaxResidents is < 1 or > 50)
        {
            yield return (nameof(MaxResidents), new("Kies een aantal bewoners van 1 tot en met 50."));
        }
        if (!string.IsNullOrWhiteSpace(Postcode) && PostcodeRules.Normalize(Postcode) is null)
        {
            yield return (nameof(Postcode), new("Vul een postcode in als 1234 AB."));
        }
        foreach (var (field, problem) in Volunteers.Vog.CheckDates(VogIssuedOn, VogExpiresOn, today))
        {
            yield return (field, AsRefusal(problem));
        }
    }

    // The VOG rules belong to the volunteers: their texts are taken as they come, plain or already a refusal.
    private static Refusal AsRefusal(string text) => new(text);

    private static Refusal AsRefusal(Refusal refusal) => refusal;

    public void ApplyTo(Buddy b)
    {
        b.Name = Name!.Trim();
        b.Kind = Kind;
        b.Organisation = string.IsNullOrWhiteSpace(Organisation) ? null : Organisation.Trim();
        b.Skills = Tags.Normalize(Skills);
        b.Languages = Tags.Normalize(Languages);
        b.Availability = AvailabilityMask;
        b.MaxResidents = MaxResidents;
        b.Postcode = PostcodeRules.Normalize(Postcode);
        b.VogIssuedOn = VogIssuedOn;
        b.VogExpiresOn = VogExpiresOn;
    }

    /// <summary>Users of this enterprise with the Buddy role who have no buddy profile yet.</summary>
    public static async Task<List<(Guid Id, string Name)>> FreeBuddyUsersAsync(WijkbasisDb db, CancellationToken cancellationToken) =>
        (await db.Memberships.Where(m => m.Role == Roles.Buddy && !db.Buddies.Any(b => b.UserId == m.UserId))
            .Select(m => new { m.UserId, m.User!.DisplayName })
            .OrderBy(m => m.DisplayName)
            .ToListAsync(cancellationToken))
        .Select(m => (m.UserId, m.DisplayName)).ToList();
}
