using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.People;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.Talents;

/// <summary>Keeps a person's <see cref="SharedOffer"/> in step with their card, their record and their consent: it exists
/// while the consent for <see cref="ConsentPurpose.TalentsInMunicipality"/> is in force, the person is not archived and
/// the card offers something; otherwise it is removed. Called (without saving) by every page that changes one of those,
/// before its own SaveChanges, so the change and the shared copy commit together and a withdrawal takes effect at once.</summary>
public static class TalentSharing
{
    /// <summary>What a card offers, when the caller has changed it but not saved it yet.</summary>
    public sealed record Offer(IReadOnlyList<TalentTag> Tags, string? Text);

    public static async Task ApplyAsync(WijkbasisDb db, TenantContext tenant, Guid personId, Offer? pending, DateTime at,
        CancellationToken cancellationToken)
    {
        var shared = await db.SharedOffers.SingleOrDefaultAsync(s => s.PersonId == personId, cancellationToken);
        var person = await db.People.FindAsync([personId], cancellationToken);
        var offer = pending ?? await SavedOfferAsync(db, personId, cancellationToken);
        var consent = await ConsentInForceAsync(db, personId, cancellationToken);
        if (person is null || person.ArchivedAt is not null || !consent || offer is null || (offer.Tags.Count == 0 && string.IsNullOrWhiteSpace(offer.Text)))
        {
            if (shared is not null)
            {
                db.SharedOffers.Remove(shared);
            }
            return;
        }
        if (shared is null)
        {
            shared = new SharedOffer { PersonId = personId, EnterpriseName = "", FirstName = "", TagKeys = "", TagNames = "" };
            db.SharedOffers.Add(shared);
        }
        var tags = offer.Tags.Where(t => t.RetiredAt is null).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        shared.MunicipalityId = tenant.MunicipalityId;
        shared.EnterpriseName = tenant.Name;
        shared.FirstName = TalentMatching.FirstName(person.Name);
        shared.BuurtCode = person.BuurtCode;
        shared.BuurtName = person.BuurtCode is null ? null
            : await db.PostcodeAreas.Where(a => a.BuurtCode == person.BuurtCode).Select(a => a.BuurtName).FirstOrDefaultAsync(cancellationToken);
        shared.TagKeys = ";" + string.Join(';', tags.Select(t => t.Key)) + ";";
        shared.TagNames = string.Join(", ", tags.Select(t => t.Name));
        shared.Languages = person.Languages;
        shared.Text = string.IsNullOrWhiteSpace(offer.Text) ? null : offer.Text.Trim();
        shared.UpdatedAt = at;
    }

    /// <summary>After a tag is renamed or retired: every shared copy that may name it.</summary>
    public static async Task ApplyAllAsync(WijkbasisDb db, TenantContext tenant, DateTime at, CancellationToken cancellationToken)
    {
        foreach (var personId in await db.SharedOffers.Select(s => s.PersonId).ToListAsync(cancellationToken))
        {
            await ApplyAsync(db, tenant, personId, null, at, cancellationToken);
        }
    }

    private static async Task<Offer?> SavedOfferAsync(WijkbasisDb db, Guid personId, CancellationToken cancellationToken)
    {
        var card = await db.TalentCards.AsNoTracking().Where(c => c.PersonId == personId)
            .Select(c => new { c.OfferText, Tags = c.Tags.Where(t => t.Side == TalentSide.Offer).Select(t => t.Tag!).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        return card is null ? null : new Offer(card.Tags, card.OfferText);
    }

    /// <summary>The newest consent record for the purpose, counting one added in this unit of work but not saved yet.</summary>
    private static async Task<bool> ConsentInForceAsync(WijkbasisDb db, Guid personId, CancellationToken cancellationToken)
    {
        var saved = await db.Consents.AsNoTracking()
            .Where(c => c.PersonId == personId && c.Purpose == ConsentPurpose.TalentsInMunicipality)
            .ToListAsync(cancellationToken);
        var pending = db.ChangeTracker.Entries<ConsentRecord>()
            .Where(e => e.State == EntityState.Added && e.Entity.PersonId == personId && e.Entity.Purpose == ConsentPurpose.TalentsInMunicipality)
            .Select(e => e.Entity);
        return ConsentRules.InForce(saved.Concat(pending)).GetValueOrDefault(ConsentPurpose.TalentsInMunicipality)?.Given == true;
    }
}
