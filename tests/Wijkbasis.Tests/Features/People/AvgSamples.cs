using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Data;
using Wijkbasis.Features.Budget;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Talents;
using Wijkbasis.Features.TimeCredits;
using Wijkbasis.Features.Volunteers;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Tests.Features.People;

/// <summary>A demo resident given a bit of every kind of record the subject-access report and the erasure cover, each
/// with a text of its own to look for.</summary>
public static class AvgSamples
{
    public sealed record Seeded(Guid PersonId, string Name, string Email, Guid CaseId, Guid LedgerEntryId, Guid OtherPersonId);

    public const string Story = "Verhaal-avg-kopje-koffie";
    public const string IntakeWant = "Wil-avg-weer-fietsen";
    public const string ContactNote = "Contact-avg-notitie";
    public const string SpendNote = "Potnotitie-avg";
    public const string Offer = "Aanbod-avg-taarten";
    public const string MatchNote = "Koppelnotitie-avg";
    public const string HoursNote = "Urennotitie-avg";
    public const string Contribution = "Bijdrage-avg-soep";

    /// <summary>A current resident of De Huiskamer who came to sessions and has no talent card, volunteer record or
    /// time-credit account yet (<paramref name="index"/> picks another one for another test class).</summary>
    public static Task<Seeded> SeedAsync(WijkbasisFactory app, int index = 0) => app.InScopeAsync("huiskamer", async services =>
    {
        var db = services.GetRequiredService<WijkbasisDb>();
        var cipher = services.GetRequiredService<FieldCipher>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var tenant = services.GetRequiredService<TenantContext>().TenantId;
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var person = await db.People.Where(p => p.ArchivedAt == null && p.ErasedAt == null
                && db.CheckIns.Any(c => c.PersonId == p.Id)
                && !db.TalentCards.Any(c => c.PersonId == p.Id) && !db.Volunteers.Any(v => v.PersonId == p.Id)
                && !db.TimeCreditAccounts.Any(a => a.PersonId == p.Id))
            .OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(index).FirstAsync();
        var other = await db.People.Where(p => p.ArchivedAt == null && p.Id != person.Id).OrderBy(p => p.Name).FirstAsync();
        person.Email = $"avg{index}@voorbeeld.demo";
        person.Phone = "06-12345678";
        db.Consents.Add(new ConsentRecord
        {
            PersonId = person.Id, Purpose = ConsentPurpose.Participation, LegalBasis = LegalBasis.Consent, Given = true, RecordedAt = now,
            RecordedByUserId = Guid.NewGuid(), RecordedByName = "Corrie",
        });
        var session = await db.CheckIns.Where(c => c.PersonId == person.Id).Select(c => c.SessionId).FirstAsync();
        db.LogEntries.Add(new LogEntry { SessionId = session, Kind = LogEntryKind.Story, Text = Story, PersonId = person.Id, ConsentToReport = true, At = now, ByName = "Corrie" });

        var wijkverbinder = await users.FindByEmailAsync(Wijkverbinder);
        var buddy = await db.Buddies.OrderBy(b => b.Name).FirstAsync();
        var intake = new Intake
        {
            PersonId = person.Id, HeldOn = DateOnly.FromDateTime(now).AddDays(-20), ByUserId = wijkverbinder!.Id, ByName = "Wim",
            Status = IntakeStatus.Matched, CreatedAt = now,
        };
        intake.Want = cipher.Seal(IntakeWant, intake, nameof(Intake.Want));
        db.Intakes.Add(intake);
        var @case = new Case
        {
            PersonId = person.Id, IntakeId = intake.Id, OwnerBuddyId = buddy.Id, OwnerUserId = buddy.UserId, CreatedByUserId = wijkverbinder.Id,
            OpenedAt = now.AddDays(-19),
        };
        db.Cases.Add(@case);
        var contact = new CaseContact { CaseId = @case.Id, PersonId = person.Id, On = DateOnly.FromDateTime(now).AddDays(-10), ByName = "Bert", At = now };
        contact.Note = cipher.Seal(ContactNote, contact, nameof(CaseContact.Note));
        db.CaseContacts.Add(contact);
        var pot = await db.BudgetPots.FirstAsync();
        var spend = new LedgerEntry
        {
            PotId = pot.Id, Kind = LedgerKind.Spend, AmountCents = -1250, At = now, BookedOn = DateOnly.FromDateTime(now).AddDays(-5), ByName = "Bert",
            CaseId = @case.Id, Purpose = SpendPurpose.Other,
        };
        spend.Note = cipher.Seal(SpendNote, spend, nameof(LedgerEntry.Note));
        db.LedgerEntries.Add(spend);

        var tag = await db.TalentTags.FirstAsync();
        var card = new TalentCard { PersonId = person.Id, OfferText = Offer, UpdatedAt = now, UpdatedByName = "Corrie" };
        card.Tags.Add(new TalentCardTag { CardId = card.Id, TagId = tag.Id, Side = TalentSide.Offer });
        db.TalentCards.Add(card);
        var (match, _) = Match.Suggest(person.Id, other.Id, tag.Name, ["zelfde buurt"], "Corrie", now.AddDays(-3));
        db.Matches.Add(match!);
        db.MatchNotes.Add(new MatchNote { MatchId = match!.Id, PersonId = other.Id, At = now, ByName = "Corrie", Text = MatchNote });

        var role = await db.VolunteerRoles.FirstAsync();
        db.Volunteers.Add(new Volunteer { PersonId = person.Id, CreatedAt = now.AddDays(-30), VogIssuedOn = DateOnly.FromDateTime(now).AddDays(-30) });
        db.VolunteerHours.Add(new VolunteerHours
        {
            PersonId = person.Id, RoleId = role.Id, WorkedOn = DateOnly.FromDateTime(now).AddDays(-4), Minutes = 90, Note = HoursNote, At = now, ByName = "Corrie",
        });
        db.Contributions.Add(new Wijkbasis.Features.Volunteers.Contribution
        {
            PersonId = person.Id, Kind = ContributionKind.Goods, Description = Contribution, GivenOn = DateOnly.FromDateTime(now).AddDays(-2), At = now, ByName = "Corrie",
        });
        db.TimeCreditAccounts.Add(new TimeCreditAccount { Kind = AccountKind.Person, PersonId = person.Id, Name = person.Name, OpenedAt = now });
        await db.SaveChangesAsync();
        _ = tenant;
        return new Seeded(person.Id, person.Name, person.Email, @case.Id, spend.Id, other.Id);
    });
}
