using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Features.People;

/// <summary>Adding someone to the register, wherever it happens: the register's own form, a newcomer at the door of
/// a session (logbook), a resident met on an outreach round. One operation with one duplicate rule, so the three
/// places cannot drift apart. It adds to the context and does not save: the caller saves it together with what
/// belongs to it (the check-in, the visit) in one transaction.</summary>
public static class PersonRegistration
{
    /// <summary>How many possible duplicates are shown.</summary>
    public const int DuplicatesShown = 5;

    public sealed record Duplicate(Guid Id, string Name, int? BirthYear, string? Postcode, bool Archived);

    /// <summary>The participation consent given when registering (at the door, on the street).</summary>
    /// <param name="Note">Where it was recorded ("Toegevoegd bij het aanmelden").</param>
    public sealed record Consent(Guid ByUserId, string ByName, string Note);

    /// <summary>Either the person was added (<see cref="Duplicates"/> empty), or nothing was added because these people
    /// already in the register are probably the same one; the user may then confirm it is someone else.</summary>
    public sealed record Outcome(Person Person, IReadOnlyList<Duplicate> Duplicates)
    {
        public bool Added => Duplicates.Count == 0;
    }

    /// <summary>A person from the few things known at the door or on the street: name, and perhaps birth year and
    /// postcode (the buurt is derived from the postcode).</summary>
    public static async Task<Person> NewAsync(WijkbasisDb db, string? name, int? birthYear, string? postcode, CancellationToken cancellationToken)
    {
        var normalized = PostcodeRules.Normalize(postcode);
        return new Person
        {
            Name = (name ?? "").Trim(), SearchName = SearchText.Normalize(name), BirthYear = birthYear,
            Postcode = normalized, BuurtCode = await PostcodeRules.BuurtOfAsync(db, normalized, cancellationToken),
        };
    }

    /// <summary>The one duplicate rule: the same name (case, accents and spaces ignored), the same birth year and the
    /// same postcode — both empty counts as the same. Archived people count too: they are still in the register
    /// and can be restored instead of registered twice.</summary>
    public static Task<List<Duplicate>> DuplicatesOfAsync(WijkbasisDb db, Person p, CancellationToken cancellationToken) =>
        Infrastructure.Tenancy.TenantBypass.PeopleForDuplicateCheck(db).Where(o => o.Id != p.Id && o.SearchName == p.SearchName && o.BirthYear == p.BirthYear && o.Postcode == p.Postcode)
            .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id)
            .Select(o => new Duplicate(o.Id, o.Name, o.BirthYear, o.Postcode, o.ArchivedAt != null))
            .Take(DuplicatesShown)
            .ToListAsync(cancellationToken);

    /// <summary>Adds <paramref name="person"/> (and, when given, the participation consent) to the context, unless
    /// someone like them is already registered and the user did not confirm it is someone else
    /// (<paramref name="someoneElse"/>: two neighbours can share a common name). Does not save.</summary>
    public static async Task<Outcome> RegisterAsync(WijkbasisDb db, Person person, Consent? consent, bool someoneElse, DateTime now,
        CancellationToken cancellationToken)
    {
        if (!someoneElse && await DuplicatesOfAsync(db, person, cancellationToken) is { Count: > 0 } duplicates)
        {
            return new Outcome(person, duplicates);
        }
        person.CreatedAt = person.UpdatedAt = now;
        // Who added them: a volunteer keeps seeing the people they added (docs/decisions/0024).
        person.CreatedByUserId = db.CurrentUserId == Guid.Empty ? null : db.CurrentUserId;
        db.People.Add(person);
        if (consent is not null)
        {
            db.Consents.Add(new ConsentRecord
            {
                PersonId = person.Id, Purpose = ConsentPurpose.Participation, LegalBasis = LegalBasis.Consent, Given = true,
                RecordedAt = now, RecordedByUserId = consent.ByUserId, RecordedByName = consent.ByName, Note = consent.Note,
            });
        }
        return new Outcome(person, []);
    }
}
