using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Budget;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.Outreach;
using Wijkbasis.Features.Talents;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.People;

/// <summary>Erases a person on request (AVG art. 17, docs/decisions/0023). The person's row stays as a nameless tombstone
/// ("Verwijderde persoon") with only what the figures count (birth year, buurt, vrager/drager, registration date), so
/// visits, hours, matches and money already counted keep their counts; every name, contact detail, free text and sealed
/// field is removed or emptied. All in one transaction, with the audit rows of every change and one row for the
/// erasure itself. The tombstone is archived and marked erased: the register, search, the person's pages, pickers and
/// exports leave it out, and where a kept record names whom it was about it says "Verwijderde persoon".</summary>
public sealed class PersonErasure(WijkbasisDb db, TenantContext tenant, TimeProvider time)
{
    public const string TombstoneName = "Verwijderde persoon";
    /// <summary>What an emptied free text says instead.</summary>
    public const string Removed = "(verwijderd op verzoek)";
    public const string EraseAction = "wissen";

    /// <summary>Every column that points at a person, as "Entity.Property": the erasure handles each of them (see
    /// <see cref="SubjectAccess.Covered"/>; a test compares both with the EF model).</summary>
    public static readonly IReadOnlySet<string> Covered = new HashSet<string>(StringComparer.Ordinal)
    {
        "ConsentRecord.PersonId", "CheckIn.PersonId", "LogEntry.PersonId", "Intake.PersonId", "Case.PersonId",
        "CaseContact.PersonId", "CaseItem.PersonId", "BuddyOffer.PersonId", "OutreachVisit.PersonId", "Signal.PersonId",
        "TalentCard.PersonId", "SharedOffer.PersonId", "Match.GiverPersonId", "Match.ReceiverPersonId", "MatchNote.PersonId",
        "Volunteer.PersonId", "ShiftSignup.PersonId", "VolunteerHours.PersonId", "Contribution.PersonId",
        "TimeCreditAccount.PersonId", "AuditEntry.PersonId", "AuditEntry.PersonIds", "Referral.PersonId",
        "ChangeStory.PersonId", "SurveyResponse.PersonId",
    };

    /// <summary>One kind of record in the plan: how many, and what happens to it (erased) or why it stays and until when.</summary>
    public sealed record Line(string What, int Count, string Detail, string? Until = null);

    public sealed record Plan(Guid Id, string Name, List<Line> Erased, List<Line> Kept);

    /// <summary>What an erasure would do, or null when the person is not in this enterprise (or already erased).</summary>
    public async Task<Plan?> PlanAsync(Guid personId, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.Id, p.Name, p.Email }).SingleOrDefaultAsync(ct);
        if (person is null)
        {
            return null;
        }
        var caseIds = await TenantBypass.RowsToErase<Case>(db).Where(c => c.PersonId == personId).Select(c => c.Id).ToListAsync(ct);
        var erased = new List<Line>
        {
            new("Naam, postcode, telefoon, e-mail en talen", 1, "gewist; de persoon heet voortaan \"Verwijderde persoon\""),
            new("Toestemmingen (met geschiedenis)", await db.Consents.CountAsync(c => c.PersonId == personId, ct), "verwijderd"),
            new("Verhalen en notities over de persoon", await db.LogEntries.CountAsync(e => e.PersonId == personId, ct)
                + await db.ChangeStories.CountAsync(s => s.PersonId == personId, ct), "tekst gewist"),
            new("Intakes", await TenantBypass.RowsToErase<Intake>(db).CountAsync(i => i.PersonId == personId, ct),
                "antwoorden, doelen, ZRM-scores en redenen vernietigd"),
            new("Casussen met contacten, doelen en taken", caseIds.Count, "notities, ZRM en redenen vernietigd; een open casus wordt afgesloten"),
            new("Buddy-aanvragen, huisbezoeken en signalen",
                await TenantBypass.RowsToErase<BuddyOffer>(db).CountAsync(o => o.PersonId == personId, ct)
                + await TenantBypass.RowsToErase<OutreachVisit>(db).CountAsync(v => v.PersonId == personId, ct)
                + await TenantBypass.RowsToErase<Signal>(db).CountAsync(s => s.PersonId == personId, ct),
                "adres, notities en redenen gewist"),
            new("Metingen (vragenlijsten) met de persoon", await db.SurveyResponses.CountAsync(r => r.PersonId == personId, ct),
                "verwijderd; de groepscijfers tellen ze niet meer mee"),
            new("Talentkaart en gedeeld aanbod",
                await db.TalentCards.CountAsync(c => c.PersonId == personId, ct) + await db.SharedOffers.CountAsync(o => o.PersonId == personId, ct),
                "verwijderd"),
            new("Koppelingen (notities)", await db.Matches.CountAsync(m => m.GiverPersonId == personId || m.ReceiverPersonId == personId, ct),
                "notities en redenen verwijderd; een open koppeling stopt"),
            new("Vrijwilligersgegevens (VOG, login), notities bij uren en bijdragen",
                await db.Volunteers.CountAsync(v => v.PersonId == personId, ct) + await db.Contributions.CountAsync(c => c.PersonId == personId, ct),
                "gewist; de vrijwilliger wordt gearchiveerd"),
            new("Doorverwijzingen", await db.Referrals.CountAsync(r => r.PersonId == personId, ct),
                "waarom en de reden om gegevens te delen gewist; datum, organisatie en uitkomst blijven voor de tellingen"),
            new("Zaalaanvragen met dit e-mailadres",
                person.Email is null ? 0 : await RoomRequestsFrom(db, person.Email).CountAsync(ct),
                "naam, e-mail, telefoon en bericht gewist"),
        };
        var kept = new List<Line>
        {
            new("Bezoeken (aanmeldingen bij sessies)", await db.CheckIns.CountAsync(c => c.PersonId == personId, ct),
                "blijven als bezoek van \"Verwijderde persoon\", zonder naam: cijfers die al gerapporteerd zijn blijven kloppen (AVG art. 17 lid 3 onder d, statistiek)",
                "zolang de rapportages over die periode gelden"),
            new("Uren, diensten en bijdragen", await db.VolunteerHours.CountAsync(h => h.PersonId == personId, ct)
                    + await db.ShiftSignups.CountAsync(s => s.PersonId == personId, ct),
                "blijven zonder naam en zonder notitie, voor de tellingen", "zolang de rapportages over die periode gelden"),
            new("Potboekingen op de casussen (bedragen)",
                await db.LedgerEntries.CountAsync(e => e.CaseId != null && caseIds.Contains(e.CaseId.Value), ct),
                "bedragen blijven, zonder naam en zonder notitie: fiscale bewaarplicht (art. 52 AWR)", "7 jaar na het jaar van de boeking"),
            new("Tijdcredits (boekingen)", await db.TimeCreditMovements.CountAsync(m =>
                    db.TimeCreditAccounts.Any(a => a.Id == m.AccountId && a.PersonId == personId), ct),
                "boekingen blijven (een grootboek wordt niet herschreven); de rekening heet voortaan \"Verwijderde persoon\". Een naam die iemand zelf in een omschrijving typte, blijft daar staan",
                "zolang het grootboek bestaat"),
            new("Auditregels (wie keek of wijzigde)", await AuditLog.AboutPerson(db, personId).CountAsync(ct),
                "blijven: ze bewijzen wie de gegevens zag (NEN 7513). Ze bevatten geen naam van de persoon, alleen een nummer",
                "volgens de bewaartermijn van het auditlog"),
            new("Vastgestelde rapportages en gepubliceerde cijfers", 0,
                "veranderen niet: het zijn documenten die al verstuurd zijn (ADR 0019)", "zoals die documenten"),
        };
        return new Plan(person.Id, person.Name, erased, kept);
    }

    /// <summary>Room requests sent with the person's e-mail address (a request is not linked to the register otherwise).</summary>
    public static IQueryable<Rooms.BookingRequest> RoomRequestsFrom(WijkbasisDb db, string email)
    {
        var lowered = email.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // translated to SQL lower(); string.Equals with a comparison is not
        return db.BookingRequests.Where(r => r.ContactEmail.ToLower() == lowered);
#pragma warning restore CA1862
    }

    public enum Outcome
    {
        Erased,
        NotFound,
        AlreadyErased,
    }

    /// <summary>Erases the person in one transaction.</summary>
    public async Task<Outcome> EraseAsync(Guid personId, DateOnly requestedOn, string reason, CancellationToken ct)
    {
        var person = await TenantBypass.ErasedOrNot(db).SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return Outcome.NotFound;
        }
        if (person.ErasedAt is not null)
        {
            return Outcome.AlreadyErased;
        }
        var now = time.UtcNow();
        return await db.InTransactionAsync(async () =>
        {
            var email = person.Email;
            person.Name = TombstoneName;
            person.IsAlias = false;
            person.SearchName = "";
            person.Postcode = null;
            person.Phone = null;
            person.Email = null;
            person.Languages = null;
            person.ArchivedAt ??= now;
            person.ErasedAt = now;
            person.ErasureRequestedOn = requestedOn;
            person.ErasureReason = reason;
            person.UpdatedAt = now;
            person.Version++;

            db.Consents.RemoveRange(await db.Consents.Where(c => c.PersonId == personId).ToListAsync(ct));
            db.SurveyResponses.RemoveRange(await db.SurveyResponses.Where(r => r.PersonId == personId).ToListAsync(ct));
            foreach (var e in await db.LogEntries.Where(e => e.PersonId == personId).ToListAsync(ct))
            {
                e.Text = Removed;
                e.ConsentToReport = false;
            }
            foreach (var s in await db.ChangeStories.Where(s => s.PersonId == personId).ToListAsync(ct))
            {
                (s.Text, s.ConsentInternal, s.ConsentPublication) = (Removed, false, false);
                s.Version++;
            }

            foreach (var i in await TenantBypass.RowsToErase<Intake>(db).Where(i => i.PersonId == personId).ToListAsync(ct))
            {
                (i.Want, i.Can, i.Need, i.Goals, i.Zrm, i.DecisionReason, i.NeedTags) = (null, null, null, null, null, null, "");
                i.Version++;
            }
            var cases = await TenantBypass.RowsToErase<Case>(db).Where(c => c.PersonId == personId).ToListAsync(ct);
            var caseIds = cases.Select(c => c.Id).ToList();
            foreach (var c in cases)
            {
                c.EndTransfer(c.TransferToUserId ?? Guid.Empty, mayWithdraw: true);
                c.Close(CaseOutcome.Other, now);
                (c.TransferReason, c.OutcomeNote, c.ClosingZrm) = (null, null, null);
                c.Version++;
            }
            foreach (var x in await TenantBypass.RowsToErase<CaseContact>(db).Where(x => caseIds.Contains(x.CaseId)).ToListAsync(ct))
            {
                x.Note = null;
            }
            foreach (var x in await TenantBypass.RowsToErase<CaseItem>(db).Where(x => caseIds.Contains(x.CaseId)).ToListAsync(ct))
            {
                x.Text = null;
            }
            // Money stays (fiscal retention); only the buddy's words about the resident go (the ledger allows that column).
            foreach (var x in await db.LedgerEntries.Where(e => e.CaseId != null && caseIds.Contains(e.CaseId.Value) && e.Note != null).ToListAsync(ct))
            {
                x.Note = null;
            }
            foreach (var x in await TenantBypass.RowsToErase<SpendRequest>(db).Where(r => caseIds.Contains(r.CaseId)).ToListAsync(ct))
            {
                (x.Note, x.DecisionReason) = (null, null);
                x.Version++;
            }
            foreach (var o in await TenantBypass.RowsToErase<BuddyOffer>(db).Where(o => o.PersonId == personId).ToListAsync(ct))
            {
                (o.KindOverrideReason, o.DeclineReason) = (null, null);
                if (o.Status == OfferStatus.Offered)
                {
                    o.Status = OfferStatus.Withdrawn;
                    o.AnsweredAt = now;
                }
            }
            foreach (var v in await TenantBypass.RowsToErase<OutreachVisit>(db).Where(v => v.PersonId == personId).ToListAsync(ct))
            {
                (v.Note, v.Address) = (null, Removed);
            }
            foreach (var s in await TenantBypass.RowsToErase<Signal>(db).Where(s => s.PersonId == personId).ToListAsync(ct))
            {
                (s.Note, s.DoneNote, s.About) = (null, null, Removed);
                s.DoneAt ??= now;
            }

            // Referrals keep what the linking figures count (date, organisation, outcome); the words about the resident go.
            foreach (var r in await db.Referrals.Where(r => r.PersonId == personId).ToListAsync(ct))
            {
                (r.Reason, r.OverrideReason) = (null, null);
                r.Version++;
            }

            db.TalentCards.RemoveRange(await db.TalentCards.Include(c => c.Tags).Where(c => c.PersonId == personId).ToListAsync(ct));
            db.SharedOffers.RemoveRange(await db.SharedOffers.Where(o => o.PersonId == personId).ToListAsync(ct));
            var matches = await db.Matches.Where(m => m.GiverPersonId == personId || m.ReceiverPersonId == personId).ToListAsync(ct);
            foreach (var m in matches)
            {
                if (m.IsOpen)
                {
                    m.Fizzle(Removed, now);
                }
                m.Reasons = "";
                m.Touch(m.LastMovedAt);
            }
            var matchIds = matches.Select(m => m.Id).ToList();
            db.MatchNotes.RemoveRange(await db.MatchNotes.Where(n => matchIds.Contains(n.MatchId)).ToListAsync(ct));

            foreach (var v in await db.Volunteers.Where(v => v.PersonId == personId).ToListAsync(ct))
            {
                (v.VogIssuedOn, v.VogExpiresOn, v.UserId) = (null, null, null);
                v.ArchivedAt ??= now;
                v.Version++;
            }
            foreach (var h in await db.VolunteerHours.Where(h => h.PersonId == personId && h.Note != null).ToListAsync(ct))
            {
                h.Note = null;
                h.Version++;
            }
            foreach (var c in await db.Contributions.Where(c => c.PersonId == personId).ToListAsync(ct))
            {
                c.Description = Removed;
            }
            foreach (var a in await db.TimeCreditAccounts.Where(a => a.PersonId == personId).ToListAsync(ct))
            {
                a.Name = TombstoneName;
            }
            if (email is not null)
            {
                foreach (var r in await RoomRequestsFrom(db, email).ToListAsync(ct))
                {
                    (r.ContactName, r.ContactEmail, r.ContactPhone, r.Message) = (Removed, "", null, null);
                    r.Version++;
                }
            }

            db.AuditEntries.Add(AuditLog.Row(tenant, now, nameof(Person), personId.ToString(), EraseAction, personId));
            await db.SaveChangesAsync(ct);
            return Outcome.Erased;
        }, ct);
    }
}
