using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Talents;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Demo;

/// <summary>Talents in every demo enterprise: the tag list (one word retired), talent cards for about a third of the
/// residents (vragers are dragers too: many who ask also offer something), some offers shared with the municipality by
/// consent, and in the first enterprise matches in every state over the past months, a few stalled, with guidance notes.
/// Uses its own random stream, so the rest of the demo stays as it was.</summary>
public sealed class DemoTalents(WijkbasisDb db, TenantContext tenant, TimeProvider time, ILogger<DemoTalents> log)
{
    private static readonly string[] TagNames =
    [
        "bakken", "koken", "klussen", "boodschappen", "Arabisch vertalen", "Turks vertalen", "computerhulp", "fietsles",
        "fiets repareren", "taalmaatje", "tuinieren", "oppassen", "wandelen", "vervoer", "naaien", "formulieren invullen",
    ];
    private const string RetiredTag = "strijken";

    private static readonly string?[] OfferWords =
    [
        "Bakt elke zaterdag; neemt graag een taart mee.", "Heeft een kist met gereedschap en tijd over.", "Kan goed uitleggen, ook aan ouderen.",
        "Fietst veel en heeft geduld.", "Spreekt Arabisch en Nederlands.", "Kookt graag voor meer mensen.", null, null,
    ];
    private static readonly string?[] NeedWords =
    [
        "Wil leren fietsen, durft nog niet alleen.", "Krijgt de laptop niet aan de praat.", "Zoekt iemand die af en toe boodschappen meeneemt.",
        "Een brief van de gemeente begrijpen.", "Een lamp ophangen en een kast in elkaar zetten.", null, null,
    ];
    private static readonly string[] NoteTexts =
    [
        "Beiden gebeld; ze drinken donderdag koffie in de huiskamer.", "Eerste keer samen geweest, ging goed.", "Nog geen reactie, volgende week weer bellen.",
        "Afspraak verzet wegens ziekte.", "Bedankkaartje gegeven op de koffieochtend.",
    ];
    private static readonly string[] FizzleReasons =
    [
        "Geen klik tussen de twee.", "Hulp was niet meer nodig: de dochter helpt nu.", "Verhuisd naar een andere wijk.", "Kwam de afspraak niet na, twee keer.",
    ];

    public async Task GenerateAsync(IReadOnlyList<Wijkbasis.Data.Enterprise> enterprises, int randomSeed, CancellationToken cancellationToken)
    {
        var rng = new Random(randomSeed + 5);
        foreach (var (enterprise, index) in enterprises.Select((e, i) => (e, i)))
        {
            tenant.MoveTo(enterprise, [], "demo-generator", "Corrie Coördinator");
            log.LogInformation("Demo: {Enterprise}: talents and matches", enterprise.Name);
            await CardsAsync(rng, index == 0 ? 0.4 : 0.2, cancellationToken);
            if (index == 0)
            {
                await MatchesAsync(rng, cancellationToken);
            }
            db.ChangeTracker.Clear();
        }
    }

    private async Task CardsAsync(Random rng, double share, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var tags = TagNames.Select(n => new TalentTag { Name = n, Key = TalentTag.KeyOf(n), CreatedAt = now.AddDays(-400) }).ToList();
        tags.Add(new TalentTag { Name = RetiredTag, Key = RetiredTag, CreatedAt = now.AddDays(-400), RetiredAt = now.AddDays(-60) });
        db.TalentTags.AddRange(tags);
        var active = tags.Where(t => t.RetiredAt is null).ToList();
        var people = await db.People.Where(p => p.ArchivedAt == null).OrderBy(p => p.SearchName).ThenBy(p => p.BirthYear).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.IsVrager, p.Languages }).ToListAsync(cancellationToken);
        var recorder = await db.Memberships.Where(m => m.Role == Infrastructure.Auth.Roles.Coordinator).Select(m => m.UserId).FirstAsync(cancellationToken);
        var sharing = new List<(Guid PersonId, List<TalentTag> Offers, string? Text)>();
        foreach (var person in people)
        {
            if (rng.NextDouble() >= share)
            {
                continue;
            }
            var card = new TalentCard
            {
                PersonId = person.Id, UpdatedAt = now.AddDays(-rng.Next(1, 300)), UpdatedByName = "Corrie Coördinator", Version = 1,
                Availability = Enumerable.Range(0, 4).Aggregate(0, (mask, _) => mask | (1 << rng.Next(0, 21))),
            };
            // Vragers are dragers: most people offer something; those who came for support also ask.
            var offers = Pick(rng, active, rng.NextDouble() < 0.85 ? rng.Next(1, 4) : 0);
            if (person.Languages?.Contains("Arabisch", StringComparison.Ordinal) == true && rng.NextDouble() < 0.7)
            {
                offers = offers.Append(active.First(t => t.Key == "arabisch vertalen")).Distinct().ToList();
            }
            var needs = Pick(rng, active.Except(offers).ToList(), person.IsVrager ? rng.Next(1, 3) : rng.NextDouble() < 0.3 ? 1 : 0);
            if (rng.NextDouble() < 0.05)
            {
                offers = offers.Append(tags[^1]).ToList();
            }
            card.OfferText = offers.Count == 0 ? null : OfferWords[rng.Next(OfferWords.Length)];
            card.NeedText = needs.Count == 0 ? null : NeedWords[rng.Next(NeedWords.Length)];
            card.Tags.AddRange(offers.Select(t => new TalentCardTag { CardId = card.Id, TagId = t.Id, Side = TalentSide.Offer }));
            card.Tags.AddRange(needs.Select(t => new TalentCardTag { CardId = card.Id, TagId = t.Id, Side = TalentSide.Need }));
            db.TalentCards.Add(card);
            if (offers.Count > 0 && rng.NextDouble() < 0.35)
            {
                db.Consents.Add(new ConsentRecord
                {
                    PersonId = person.Id, Purpose = ConsentPurpose.TalentsInMunicipality, LegalBasis = LegalBasis.Consent, Given = true,
                    RecordedAt = card.UpdatedAt, RecordedByUserId = recorder, RecordedByName = "Corrie Coördinator",
                });
                sharing.Add((person.Id, offers, card.OfferText));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (personId, offers, text) in sharing)
        {
            await TalentSharing.ApplyAsync(db, tenant, personId, new TalentSharing.Offer(offers, text), now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task MatchesAsync(Random rng, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var tagNames = await db.TalentTags.Where(t => t.RetiredAt == null).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var profiles = (await TalentProfiles.LoadAsync(db, cancellationToken)).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.PersonId).ToList();
        var pairs = new HashSet<(Guid, Guid)>();
        var busy = new HashSet<Guid>();
        // Every state, the open ones more than once; some of the open ones have stalled.
        MatchStatus[] plan =
        [
            MatchStatus.Suggested, MatchStatus.Introduced, MatchStatus.Agreed, MatchStatus.Done, MatchStatus.Thanked, MatchStatus.Fizzled,
            MatchStatus.Thanked, MatchStatus.Done, MatchStatus.Suggested, MatchStatus.Introduced, MatchStatus.Agreed, MatchStatus.Thanked,
            MatchStatus.Fizzled, MatchStatus.Done, MatchStatus.Thanked, MatchStatus.Introduced, MatchStatus.Thanked, MatchStatus.Done,
            MatchStatus.Agreed, MatchStatus.Thanked, MatchStatus.Fizzled, MatchStatus.Thanked, MatchStatus.Done, MatchStatus.Suggested,
        ];
        var made = 0;
        foreach (var receiver in profiles.Where(p => p.Needs.Count > 0))
        {
            if (made == plan.Length)
            {
                break;
            }
            // Keep some residents free, so the browser test and visitors find fresh suggestions.
            var suggestion = TalentMatching.For(receiver, profiles.Where(p => !busy.Contains(p.PersonId)), tagNames, pairs, top: 5)
                .FirstOrDefault(s => s.OtherGives);
            if (suggestion is null || busy.Contains(receiver.PersonId))
            {
                continue;
            }
            var target = plan[made];
            var stalled = made % 4 is 1 or 2 && target is MatchStatus.Suggested or MatchStatus.Introduced or MatchStatus.Agreed;
            var start = now.AddDays(-(stalled ? rng.Next(25, 60) : target is MatchStatus.Suggested or MatchStatus.Introduced ? rng.Next(1, 10) : rng.Next(30, 300)));
            var (match, _) = Match.Suggest(suggestion.GiverPersonId, suggestion.ReceiverPersonId, string.Join(", ", suggestion.TagNames),
                suggestion.Reasons, "Corrie Coördinator", start);
            var at = start;
            DateTime Later() => at = at.AddDays(rng.Next(1, stalled ? 3 : 12)) is var next && next < now ? next : now;
            if (target != MatchStatus.Suggested && target != MatchStatus.Fizzled || target == MatchStatus.Fizzled && rng.NextDouble() < 0.5)
            {
                match!.Introduce("Corrie Coördinator", Later());
            }
            if (target is MatchStatus.Agreed or MatchStatus.Done or MatchStatus.Thanked)
            {
                match!.Agree(Later());
            }
            if (target is MatchStatus.Done or MatchStatus.Thanked)
            {
                match!.Complete(Later());
            }
            if (target is MatchStatus.Thanked)
            {
                match!.Thank(Later());
            }
            if (target is MatchStatus.Fizzled)
            {
                match!.Fizzle(FizzleReasons[rng.Next(FizzleReasons.Length)], Later());
            }
            db.Matches.Add(match!);
            if (rng.NextDouble() < 0.6 || stalled)
            {
                db.MatchNotes.Add(new MatchNote
                {
                    MatchId = match!.Id, PersonId = match.ReceiverPersonId, At = match.LastMovedAt, ByName = "Corrie Coördinator",
                    Text = NoteTexts[rng.Next(NoteTexts.Length)],
                });
            }
            pairs.Add((suggestion.GiverPersonId, suggestion.ReceiverPersonId));
            if (match!.IsOpen)
            {
                busy.Add(suggestion.GiverPersonId);
            }
            busy.Add(receiver.PersonId);
            made++;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<TalentTag> Pick(Random rng, List<TalentTag> from, int count) =>
        from.OrderBy(_ => rng.Next()).Take(Math.Min(count, from.Count)).ToList();
}
