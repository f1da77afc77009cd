using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Talents;

/// <summary>A person's talent card ("ik kan…", "ik zoek…", when they are free), the neighbours the matcher suggests for
/// them with its reasons, and their matches. The route id is the person's id.</summary>
public sealed class CardModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public List<string> Offers { get; set; } = [];
    [BindProperty] public List<string> Needs { get; set; } = [];
    [BindProperty] public string? OfferText { get; set; }
    [BindProperty] public string? NeedText { get; set; }
    [BindProperty] public List<int> Availability { get; set; } = [];
    /// <summary>The card version the form was filled in on (0: no card yet).</summary>
    [BindProperty] public int Version { get; set; }
    [BindProperty] public Guid? Other { get; set; }
    [BindProperty] public bool OtherGives { get; set; }

    public Person Person { get; private set; } = null!;
    public string? BuurtName { get; private set; }
    public TalentCard? Card { get; private set; }
    public List<TalentTag> Choosable { get; private set; } = [];
    public List<TalentSuggestion> Suggestions { get; private set; } = [];
    public List<MatchRow> Matches { get; private set; } = [];
    public bool Shared { get; private set; }

    public sealed record MatchRow(Guid Id, string OtherName, bool OtherGives, string About, MatchStatus Status, DateTime LastMovedAt);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        // The look is logged before the card is shown.
        await audit.RecordViewAsync(Card is null ? Person : Card, cancellationToken);
        Fill();
        await SuggestAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken, tracked: true))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (Person.ArchivedAt is not null)
        {
            return await this.RefuseAsync(db, ReloadAsync, Archived);
        }
        if ((Card?.Version ?? 0) != Version)
        {
            Version = Card?.Version ?? 0;
            return await this.RefuseAsync(db, ReloadAsync, ChangedMeanwhile(Person.Name));
        }
        var onCard = Card?.Tags.Select(t => t.TagId).ToHashSet() ?? [];
        // A tag may be chosen from the active list; a retired one only stays if the card already has it.
        var known = await db.TalentTags.Where(t => t.RetiredAt == null || onCard.Contains(t.Id)).ToListAsync(cancellationToken);
        var byKey = known.ToDictionary(t => t.Key, StringComparer.Ordinal);
        List<TalentTag>? Resolve(List<string> names, string field)
        {
            var result = new List<TalentTag>();
            foreach (var name in names.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                if (!byKey.TryGetValue(TalentTag.KeyOf(name), out var tag))
                {
                    ModelState.AddRefusal(field, new Refusal("‘{0}’ staat niet op de lijst met talenten en vragen. Kies uit de lijst; een coördinator kan woorden toevoegen.", name.Trim()));
                    return null;
                }
                if (!result.Contains(tag))
                {
                    result.Add(tag);
                }
            }
            return result;
        }
        var offers = Resolve(Offers, nameof(Offers));
        var needs = Resolve(Needs, nameof(Needs));
        if (OfferText is { } o && o.Trim().Length > TalentCard.TextMax)
        {
            ModelState.AddRefusal(nameof(OfferText), new Refusal("Wat iemand kan, in eigen woorden: hoogstens {0} tekens.", TalentCard.TextMax));
        }
        if (NeedText is { } n && n.Trim().Length > TalentCard.TextMax)
        {
            ModelState.AddRefusal(nameof(NeedText), new Refusal("Wat iemand zoekt, in eigen woorden: hoogstens {0} tekens.", TalentCard.TextMax));
        }
        if (Availability.Any(b => b is < 0 or > 20))
        {
            ModelState.AddRefusal(nameof(Availability), new Refusal("Kies dagdelen uit het rooster."));
        }
        if (!ModelState.IsValid || offers is null || needs is null)
        {
            return await this.RefuseAsync(db, ReloadAsync);
        }
        var now = time.UtcNow();
        var card = Card;
        if (card is null)
        {
            card = new TalentCard { PersonId = Person.Id, UpdatedByName = tenant.DisplayName };
            db.TalentCards.Add(card);
        }
        card.OfferText = Clean(OfferText);
        card.NeedText = Clean(NeedText);
        card.Availability = Availability.Aggregate(0, (mask, bit) => mask | (1 << bit));
        card.UpdatedAt = now;
        card.UpdatedByName = tenant.DisplayName;
        card.Version++;
        Sync(card, TalentSide.Offer, offers);
        Sync(card, TalentSide.Need, needs);
        await TalentSharing.ApplyAsync(db, tenant, Person.Id, new TalentSharing.Offer(offers, card.OfferText), now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            await LoadAsync(cancellationToken);
            Version = Card?.Version ?? 0;
            return await this.RefuseAsync(db, ReloadAsync, ChangedMeanwhile(Person.Name));
        }
        TempData.Say("De talentkaart van {0} is opgeslagen.", Person.Name);
        return RedirectToPage(new { id = Person.Id });
    }

    /// <summary>Turns a suggestion into a match in the state "suggested"; the coordinator then introduces the two.</summary>
    public async Task<IActionResult> OnPostSuggestAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        var other = Other is { } otherId
            ? await db.People.AsNoTracking().Where(p => p.Id == otherId && p.ArchivedAt == null).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (Other == Person.Id)
        {
            return await this.RefuseAsync(db, ReloadAsync, new("Iemand kan niet aan zichzelf gekoppeld worden. Kies twee verschillende mensen."));
        }
        if (other is null)
        {
            return await this.RefuseAsync(db, ReloadAsync, new("Deze buurtbewoner staat niet (meer) in het register van deze wijkonderneming. Er is niets opgeslagen."));
        }
        if (Person.ArchivedAt is not null)
        {
            return await this.RefuseAsync(db, ReloadAsync, Archived);
        }
        await SuggestAsync(cancellationToken, top: int.MaxValue);
        var suggestion = Suggestions.FirstOrDefault(s => s.Other == other.Id && s.OtherGives == OtherGives);
        var (giver, receiver) = OtherGives ? (other.Id, Person.Id) : (Person.Id, other.Id);
        if (await db.Matches.AnyAsync(m => m.GiverPersonId == giver && m.ReceiverPersonId == receiver
                && (m.Status == MatchStatus.Suggested || m.Status == MatchStatus.Introduced || m.Status == MatchStatus.Agreed), cancellationToken))
        {
            return await this.RefuseAsync(db, ReloadAsync, new("Voor deze twee loopt al een koppeling. Kijk bij Koppelingen."));
        }
        var (match, error) = Match.Suggest(giver, receiver, suggestion is null ? "" : string.Join(", ", suggestion.TagNames),
            suggestion?.Reasons ?? ["Door de coördinator zelf gekozen"], tenant.DisplayName, time.UtcNow());
        if (match is null)
        {
            return await this.RefuseAsync(db, ReloadAsync, error);
        }
        db.Matches.Add(match);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De koppeling is voorgesteld. Laat de twee nu kennismaken.");
        return RedirectToPage("/Talents/Match", new { id = match.Id });
    }

    private static readonly Refusal Archived = new("Deze persoon is gearchiveerd. Zet de persoon eerst terug.");

    private static Refusal ChangedMeanwhile(string name) =>
        new("Iemand anders heeft de talentkaart van {0} net gewijzigd. Controleer uw keuzes en sla opnieuw op.", name);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Sync(TalentCard card, TalentSide side, List<TalentTag> chosen)
    {
        var ids = chosen.Select(t => t.Id).ToHashSet();
        foreach (var gone in card.Tags.Where(t => t.Side == side && !ids.Contains(t.TagId)).ToList())
        {
            card.Tags.Remove(gone);
            db.TalentCardTags.Remove(gone);
        }
        foreach (var tag in chosen.Where(t => !card.Tags.Any(x => x.Side == side && x.TagId == t.Id)))
        {
            // Added through the set: a new row found only through the navigation, with its id already set, would be
            // taken for an existing one.
            var row = new TalentCardTag { CardId = card.Id, TagId = tag.Id, Side = side };
            db.TalentCardTags.Add(row);
            if (!card.Tags.Contains(row))
            {
                card.Tags.Add(row);
            }
        }
    }

    /// <summary>After a refusal (nothing of the post is saved): the card as stored, with the user's input.</summary>
    private async Task ReloadAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        await SuggestAsync(HttpContext.RequestAborted);
    }

    private void Fill()
    {
        Offers = Card?.Tags.Where(t => t.Side == TalentSide.Offer).Select(t => t.Tag!.Name).ToList() ?? [];
        Needs = Card?.Tags.Where(t => t.Side == TalentSide.Need).Select(t => t.Tag!.Name).ToList() ?? [];
        OfferText = Card?.OfferText;
        NeedText = Card?.NeedText;
        Availability = Enumerable.Range(0, 21).Where(b => ((Card?.Availability ?? 0) & (1 << b)) != 0).ToList();
        Version = Card?.Version ?? 0;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken, bool tracked = false)
    {
        var people = tracked ? db.People : db.People.AsNoTracking();
        if (await people.SingleOrDefaultAsync(p => p.Id == Id, cancellationToken) is not { } person)
        {
            return false;
        }
        Person = person;
        var cards = tracked ? db.TalentCards : db.TalentCards.AsNoTracking();
        Card = await cards.Include(c => c.Tags).ThenInclude(t => t.Tag).SingleOrDefaultAsync(c => c.PersonId == Id, cancellationToken);
        BuurtName = person.BuurtCode is null ? null
            : await db.PostcodeAreas.Where(a => a.BuurtCode == person.BuurtCode).Select(a => a.BuurtName).FirstOrDefaultAsync(cancellationToken);
        var onCard = Card?.Tags.Select(t => t.TagId).ToHashSet() ?? [];
        Choosable = await db.TalentTags.AsNoTracking().Where(t => t.RetiredAt == null || onCard.Contains(t.Id))
            .OrderBy(t => t.Key).ToListAsync(cancellationToken);
        Shared = await db.SharedOffers.AnyAsync(s => s.PersonId == Id, cancellationToken);
        Matches = await db.Matches.AsNoTracking().Where(m => m.GiverPersonId == Id || m.ReceiverPersonId == Id)
            .OrderByDescending(m => m.LastMovedAt)
            .Select(m => new MatchRow(m.Id,
                db.People.Where(p => p.Id == (m.GiverPersonId == Id ? m.ReceiverPersonId : m.GiverPersonId)).Select(p => p.Name).First(),
                m.ReceiverPersonId == Id, m.About, m.Status, m.LastMovedAt))
            .ToListAsync(cancellationToken);
        return true;
    }

    private async Task SuggestAsync(CancellationToken cancellationToken, int top = 8)
    {
        if (Card is null || Person.ArchivedAt is not null)
        {
            Suggestions = [];
            return;
        }
        var tagNames = await db.TalentTags.AsNoTracking().Where(t => t.RetiredAt == null).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var profiles = await TalentProfiles.LoadAsync(db, cancellationToken);
        var me = profiles.FirstOrDefault(p => p.PersonId == Id);
        if (me is null)
        {
            Suggestions = [];
            return;
        }
        var open = (await db.Matches.AsNoTracking()
                .Where(m => (m.GiverPersonId == Id || m.ReceiverPersonId == Id)
                            && (m.Status == MatchStatus.Suggested || m.Status == MatchStatus.Introduced || m.Status == MatchStatus.Agreed))
                .Select(m => new { m.GiverPersonId, m.ReceiverPersonId }).ToListAsync(cancellationToken))
            .Select(m => (m.GiverPersonId, m.ReceiverPersonId)).ToHashSet();
        Suggestions = TalentMatching.For(me, profiles, tagNames, open, top).ToList();
    }
}

/// <summary>Every active person's card in the enterprise as the matcher sees it.</summary>
public static class TalentProfiles
{
    public static async Task<List<TalentProfile>> LoadAsync(WijkbasisDb db, CancellationToken cancellationToken)
    {
        var rows = await db.TalentCards.AsNoTracking()
            .Join(db.People.Where(p => p.ArchivedAt == null), c => c.PersonId, p => p.Id, (c, p) => new
            {
                p.Id, p.Name, p.BuurtCode, p.Languages, c.Availability,
                BuurtName = db.PostcodeAreas.Where(a => a.BuurtCode == p.BuurtCode).Select(a => a.BuurtName).FirstOrDefault(),
                Tags = c.Tags.Where(t => t.Tag!.RetiredAt == null).Select(t => new { t.TagId, t.Side }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TalentProfile(r.Id, r.Name, r.BuurtCode, r.BuurtName, TalentMatching.Languages(r.Languages),
            r.Tags.Where(t => t.Side == TalentSide.Offer).Select(t => t.TagId).ToHashSet(),
            r.Tags.Where(t => t.Side == TalentSide.Need).Select(t => t.TagId).ToHashSet(), r.Availability)).ToList();
    }
}
