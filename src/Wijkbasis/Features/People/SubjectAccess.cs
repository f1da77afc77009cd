using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Budget;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.Outreach;
using Wijkbasis.Features.Talents;
using Wijkbasis.Features.TimeCredits;
using Wijkbasis.Features.Volunteers;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.People;

/// <summary>Everything Wijkbasis holds about one person (AVG art. 15, docs/decisions/0023): the register, consents, visits,
/// stories, the buddy programme, talents and matches, volunteering, time credits, pot bookings on their cases, room
/// requests under their e-mail address, and who looked at or changed their file. Special-category records are opened
/// only when the worker may open them today (the buddy programme's access filter); otherwise the report says that they
/// exist and who may open them. Collecting writes the audit rows (the look at the person, and one row naming every
/// sealed record opened) in one SaveChanges before anything is returned.</summary>
public sealed class SubjectAccess(WijkbasisDb db, FieldCipher cipher, TenantContext tenant, TimeProvider time)
{
    /// <summary>The layout of the JSON; raised when a field is renamed or removed (adding one keeps it).</summary>
    public const string Format = "wijkbasis.inzage/1";

    public const string ViewAction = "inzage";
    public const string PdfAction = "inzage-pdf";
    public const string JsonAction = "inzage-json";

    /// <summary>Every column that points at a person, as "Entity.Property": the export reads each of them. A test compares
    /// this with the EF model, so a new person-linked table fails the build's tests until it is covered here and in
    /// <see cref="PersonErasure.Covered"/>.</summary>
    public static readonly IReadOnlySet<string> Covered = new HashSet<string>(StringComparer.Ordinal)
    {
        "ConsentRecord.PersonId", "CheckIn.PersonId", "LogEntry.PersonId", "Intake.PersonId", "Case.PersonId",
        "CaseContact.PersonId", "CaseItem.PersonId", "BuddyOffer.PersonId", "OutreachVisit.PersonId", "Signal.PersonId",
        "TalentCard.PersonId", "SharedOffer.PersonId", "Match.GiverPersonId", "Match.ReceiverPersonId", "MatchNote.PersonId",
        "Volunteer.PersonId", "ShiftSignup.PersonId", "VolunteerHours.PersonId", "Contribution.PersonId",
        "TimeCreditAccount.PersonId", "AuditEntry.PersonId", "AuditEntry.PersonIds", "Referral.PersonId",
        "ChangeStory.PersonId", "SurveyResponse.PersonId",
    };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The report, or null when the person is not in this enterprise (or was erased). <paramref name="action"/>
    /// says how it is shown (page, PDF, JSON) and goes into the audit row.</summary>
    public async Task<Report?> CollectAsync(Guid personId, string action, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Include(p => p.Consents)
            .SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return null;
        }
        var now = time.UtcNow();
        var buurt = await db.PostcodeAreas.Where(a => a.BuurtCode == person.BuurtCode).Select(a => a.BuurtName).FirstOrDefaultAsync(ct);

        var visits = await (from c in db.CheckIns.Where(c => c.PersonId == personId)
                join s in db.Sessions on c.SessionId equals s.Id
                join a in db.Activities on s.ActivityId equals a.Id
                orderby s.StartsAt
                select new Visit(s.StartsAt, a.Name, c.At, c.ByName)).ToListAsync(ct);
        var stories = await (from e in db.LogEntries.Where(e => e.PersonId == personId)
                join s in db.Sessions on e.SessionId equals s.Id
                join a in db.Activities on s.ActivityId equals a.Id
                orderby e.At
                select new Story(e.At, a.Name, e.Kind, e.Text, e.ConsentToReport, e.ByName)).ToListAsync(ct);
        // Stories of change (docs/decisions/0032) are stories too: the consent shown is the one for publication.
        stories.AddRange((await db.ChangeStories.AsNoTracking().Where(s => s.PersonId == personId).OrderBy(s => s.CreatedAt).ToListAsync(ct))
            .Select(s => new Story(s.CreatedAt, "Verhaal van verandering", LogEntryKind.Story, s.Text, s.ConsentPublication, s.ByName)));

        // The buddy programme: the access filter decides what this worker may open; the rest is only counted.
        var intakes = await db.Intakes.AsNoTracking().Where(i => i.PersonId == personId).OrderBy(i => i.HeldOn).ToListAsync(ct);
        var cases = await db.Cases.AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.OpenedAt).ToListAsync(ct);
        var caseIds = cases.Select(c => c.Id).ToList();
        var contacts = await db.CaseContacts.AsNoTracking().Where(x => caseIds.Contains(x.CaseId)).OrderBy(x => x.On).ToListAsync(ct);
        var items = await db.CaseItems.AsNoTracking().Where(x => caseIds.Contains(x.CaseId)).OrderBy(x => x.CreatedAt).ToListAsync(ct);
        var offers = await db.BuddyOffers.AsNoTracking().Where(o => o.PersonId == personId).OrderBy(o => o.OfferedAt).ToListAsync(ct);
        var outreachVisits = await db.OutreachVisits.AsNoTracking().Where(v => v.PersonId == personId).OrderBy(v => v.On).ToListAsync(ct);
        var signals = await db.Signals.AsNoTracking().Where(s => s.PersonId == personId).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var counts = await TenantBypass.SubjectRecordCounts(db, personId, ct);
        var hidden = new List<Hidden>();
        void Hide(string kind, int all, int shown)
        {
            if (all > shown)
            {
                hidden.Add(new Hidden(kind, all - shown, "de casusregisseur, de wijkverbinder van de intake en de buddy van de casus"));
            }
        }
        Hide("intake", counts.Intakes, intakes.Count);
        Hide("casus", counts.Cases, cases.Count);
        Hide("buddyaanvraag", counts.Offers, offers.Count);
        Hide("huisbezoek", counts.OutreachVisits, outreachVisits.Count);
        Hide("signaal", counts.Signals, signals.Count);
        // Survey answers about wellbeing are shown at group level only (docs/decisions/0031), never per person, so the
        // report names how many there are; the coordinator prints the answers themselves on request.
        if (await db.SurveyResponses.CountAsync(r => r.PersonId == personId, ct) is > 0 and var measurements)
        {
            hidden.Add(new Hidden("meting (vragenlijst)", measurements, "niemand per persoon: metingen worden alleen op groepsniveau getoond"));
        }
        // Pot bookings on the person's cases: amounts for everyone who may see the case, the sealed note with it.
        var spends = await db.LedgerEntries.AsNoTracking().Where(e => e.CaseId != null && caseIds.Contains(e.CaseId.Value))
            .OrderBy(e => e.At).ToListAsync(ct);

        var card = await db.TalentCards.AsNoTracking().Include(c => c.Tags).ThenInclude(t => t.Tag)
            .SingleOrDefaultAsync(c => c.PersonId == personId, ct);
        var shared = await db.SharedOffers.AsNoTracking().Where(o => o.PersonId == personId)
            .Select(o => new SharedOfferData(o.FirstName, o.BuurtName, o.TagNames, o.Languages, o.Text, o.UpdatedAt)).ToListAsync(ct);
        var matchRows = await db.Matches.AsNoTracking().Where(m => m.GiverPersonId == personId || m.ReceiverPersonId == personId)
            .OrderBy(m => m.SuggestedAt).ToListAsync(ct);
        var otherIds = matchRows.Select(m => m.GiverPersonId == personId ? m.ReceiverPersonId : m.GiverPersonId).Distinct().ToList();
        // Coordinators and wijkverbinders see the whole register: the only one they do not find is an erased person.
        var others = await db.People.Where(p => otherIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var matchIds = matchRows.Select(m => m.Id).ToList();
        var matchNotes = await db.MatchNotes.AsNoTracking().Where(n => matchIds.Contains(n.MatchId)).OrderBy(n => n.At).ToListAsync(ct);

        var volunteer = await db.Volunteers.AsNoTracking().Where(v => v.PersonId == personId)
            .Select(v => new VolunteerData(v.VogIssuedOn, v.VogExpiresOn, v.CreatedAt, v.ArchivedAt, v.UserId != null)).FirstOrDefaultAsync(ct);
        var shifts = await (from s in db.ShiftSignups.Where(s => s.PersonId == personId)
                join se in db.Sessions on s.SessionId equals se.Id
                join a in db.Activities on se.ActivityId equals a.Id
                join r in db.VolunteerRoles on s.RoleId equals r.Id
                orderby se.StartsAt
                select new Shift(se.StartsAt, a.Name, r.Name, s.At, s.ByName)).ToListAsync(ct);
        var hours = await (from h in db.VolunteerHours.Where(h => h.PersonId == personId)
                join r in db.VolunteerRoles on h.RoleId equals r.Id
                orderby h.WorkedOn
                select new Hours(h.WorkedOn, r.Name, h.Minutes, h.Note, h.ByName)).ToListAsync(ct);
        var contributions = await db.Contributions.AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.GivenOn)
            .Select(c => new ContributionData(c.GivenOn, c.Kind, c.Description, c.Points, c.ByName)).ToListAsync(ct);

        var accounts = await db.TimeCreditAccounts.AsNoTracking().Where(a => a.PersonId == personId).ToListAsync(ct);
        var accountIds = accounts.Select(a => a.Id).ToList();
        var movements = await (from m in db.TimeCreditMovements.Where(m => accountIds.Contains(m.AccountId))
                join t in db.TimeCreditTransfers on m.TransferId equals t.Id
                orderby m.At
                select new { m.AccountId, t.BookedOn, m.Points, t.Description, t.ByName, t.IsReversal }).ToListAsync(ct);
        var timeCredits = accounts.Select(a => new TimeCreditData(a.Name, a.OpenedAt,
            movements.Where(m => m.AccountId == a.Id).Sum(m => m.Points),
            movements.Where(m => m.AccountId == a.Id).Select(m => new TimeCreditLine(m.BookedOn, m.Points, m.Description, m.ByName, m.IsReversal)).ToList())).ToList();

        var roomRequests = person.Email is null ? [] : await PersonErasure.RoomRequestsFrom(db, person.Email).AsNoTracking()
            .OrderBy(r => r.ReceivedAt)
            .Select(r => new RoomRequestData(r.ReceivedAt, r.Room!.Name, r.StartsAt, r.EndsAt, r.Organisation, r.Purpose, r.ContactName, r.ContactEmail,
                r.ContactPhone, r.Message, r.Status))
            .ToListAsync(ct);

        var referrals = await db.Referrals.AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.ReferredOn).ThenBy(r => r.CreatedAt).ToListAsync(ct);
        var referralOrganisationIds = referrals.Select(r => r.OrganisationId).Distinct().ToList();
        var referralOrganisations = await db.Organisations.Where(o => referralOrganisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        var looks = await AuditLog.AboutPerson(db, personId).AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new Look(a.At, a.UserName, a.Role, a.EntityType, a.Action, a.Outcome, a.PersonIds != null && a.PersonIds.Length > 1))
            .ToListAsync(ct);

        // The look is logged before anything is shown: the person, and every sealed record opened for it.
        db.AuditEntries.Add(AuditLog.Row(tenant, now, nameof(Person), personId.ToString(), action, personId));
        IAudited[] opened = [.. intakes, .. cases, .. contacts, .. items, .. offers, .. outreachVisits, .. signals, .. spends, .. referrals];
        if (opened.Length > 0)
        {
            var row = AuditLog.Row(tenant, now, "Inzage", AuditLog.ListEntityId(opened.Length), AuditActions.View, personId);
            row.EntityIds = opened.Select(r => r.Id.ToString()).ToArray();
            row.PersonIds = [personId];
            db.AuditEntries.Add(row);
        }
        await db.SaveChangesAsync(ct);

        string? Open(SealedText? value, IAudited owner, string field) => cipher.Open(value, owner, field);
        return new Report(
            Format, now, tenant.Name, tenant.DisplayName,
            new PersonData(person.Id, person.Name, person.IsAlias, person.BirthYear, person.Postcode, person.BuurtCode, buurt, person.Phone,
                person.Email, person.Languages, person.IsVrager, person.IsDrager, person.CreatedAt, person.UpdatedAt, person.ArchivedAt),
            person.Consents.OrderBy(c => c.RecordedAt).ThenBy(c => c.Id)
                .Select(c => new Consent(c.Purpose, c.LegalBasis, c.Given, c.RecordedAt, c.RecordedByName, c.Note)).ToList(),
            visits, stories,
            intakes.Select(i => new IntakeData(i.HeldOn, i.ByName, i.Status, Open(i.Want, i, nameof(Intake.Want)), Open(i.Can, i, nameof(Intake.Can)),
                Open(i.Need, i, nameof(Intake.Need)), Open(i.Goals, i, nameof(Intake.Goals)), Open(i.Zrm, i, nameof(Intake.Zrm)), i.NeedTags,
                i.SafetyConcern, i.ProposedWeight, i.DecidedWeight, Open(i.DecisionReason, i, nameof(Intake.DecisionReason)))).ToList(),
            cases.Select(c => new CaseData(Case.ReferenceOf(c.Id), c.OpenedAt, c.Weight, c.Status, c.ClosedAt, c.Outcome,
                Open(c.OutcomeNote, c, nameof(Case.OutcomeNote)), Open(c.ClosingZrm, c, nameof(Case.ClosingZrm)),
                Open(c.TransferReason, c, nameof(Case.TransferReason)),
                contacts.Where(x => x.CaseId == c.Id).Select(x => new CaseContactData(x.On, x.Kind, Open(x.Note, x, nameof(CaseContact.Note)), x.ByName)).ToList(),
                items.Where(x => x.CaseId == c.Id).Select(x => new CaseItemData(x.IsGoal, Open(x.Text, x, nameof(CaseItem.Text)), x.DueOn, x.DoneAt, x.ByName)).ToList(),
                spends.Where(e => e.CaseId == c.Id).Select(e => new PotBooking(e.BookedOn, e.Kind, e.AmountCents, e.Purpose,
                    Open(e.Note, e, nameof(LedgerEntry.Note)), e.ByName)).ToList())).ToList(),
            offers.Select(o => new BuddyOfferData(o.OfferedAt, o.OfferedByName, o.Status, o.AnsweredAt,
                Open(o.DeclineReason, o, nameof(BuddyOffer.DeclineReason)), Open(o.KindOverrideReason, o, nameof(BuddyOffer.KindOverrideReason)))).ToList(),
            outreachVisits.Select(v => new OutreachVisitData(v.On, v.Address, v.Outcome, Open(v.Note, v, nameof(OutreachVisit.Note)), v.ByName)).ToList(),
            signals.Select(s => new SignalData(s.CreatedAt, s.About, Open(s.Note, s, nameof(Signal.Note)), s.DueOn, s.DoneAt,
                Open(s.DoneNote, s, nameof(Signal.DoneNote)), s.ByName)).ToList(),
            hidden,
            card is null ? null : new TalentCardData(card.OfferText, card.NeedText,
                card.Tags.Where(t => t.Side == TalentSide.Offer).Select(t => t.Tag!.Name).Order().ToList(),
                card.Tags.Where(t => t.Side == TalentSide.Need).Select(t => t.Tag!.Name).Order().ToList(), card.UpdatedAt),
            shared,
            matchRows.Select(m => new MatchData(m.GiverPersonId == personId ? "helpt" : "krijgt hulp",
                others.GetValueOrDefault(m.GiverPersonId == personId ? m.ReceiverPersonId : m.GiverPersonId, PersonErasure.TombstoneName), m.About, m.Status,
                m.SuggestedAt, m.DoneAt, m.FizzleReason,
                matchNotes.Where(n => n.MatchId == m.Id).Select(n => new MatchNoteData(n.At, n.Text, n.ByName)).ToList())).ToList(),
            volunteer, shifts, hours, contributions, timeCredits, roomRequests,
            referrals.Select(r => new ReferralData(r.ReferredOn, referralOrganisations.GetValueOrDefault(r.OrganisationId, ""),
                Open(r.Reason, r, nameof(Partners.Referral.Reason)), r.WentAlongName, r.DetailsShared,
                Open(r.OverrideReason, r, nameof(Partners.Referral.OverrideReason)), r.Outcome, r.OutcomeOn, r.ByName)).ToList(),
            looks);
    }

    public sealed record Report(
        string Format, DateTime CreatedAt, string Enterprise, string CreatedBy,
        PersonData Person, List<Consent> Consents, List<Visit> Visits, List<Story> Stories,
        List<IntakeData> Intakes, List<CaseData> Cases, List<BuddyOfferData> BuddyOffers,
        List<OutreachVisitData> OutreachVisits, List<SignalData> Signals, List<Hidden> NotShown,
        TalentCardData? TalentCard, List<SharedOfferData> SharedOffers, List<MatchData> Matches,
        VolunteerData? Volunteer, List<Shift> Shifts, List<Hours> VolunteerHours, List<ContributionData> Contributions,
        List<TimeCreditData> TimeCredits, List<RoomRequestData> RoomRequests, List<ReferralData> Referrals, List<Look> AuditTrail);

    public sealed record PersonData(Guid Id, string Name, bool IsAlias, int? BirthYear, string? Postcode, string? BuurtCode, string? BuurtName,
        string? Phone, string? Email, string? Languages, bool IsVrager, bool IsDrager, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ArchivedAt);
    public sealed record Consent(ConsentPurpose Purpose, LegalBasis LegalBasis, bool Given, DateTime RecordedAt, string RecordedBy, string? Note);
    public sealed record Visit(DateTime SessionStartsAt, string Activity, DateTime CheckedInAt, string CheckedInBy);
    public sealed record Story(DateTime At, string Activity, LogEntryKind Kind, string Text, bool ConsentToReport, string WrittenBy);
    public sealed record IntakeData(DateOnly HeldOn, string HeldBy, IntakeStatus Status, string? Want, string? Can, string? Need, string? Goals,
        string? Zrm, string NeedTags, bool SafetyConcern, CaseWeight ProposedWeight, CaseWeight? DecidedWeight, string? DecisionReason);
    public sealed record CaseData(string Reference, DateTime OpenedAt, CaseWeight Weight, CaseStatus Status, DateTime? ClosedAt,
        CaseOutcome? Outcome, string? OutcomeNote, string? ClosingZrm, string? TransferReason, List<CaseContactData> Contacts,
        List<CaseItemData> GoalsAndTasks, List<PotBooking> PotBookings);
    public sealed record CaseContactData(DateOnly On, ContactKind Kind, string? Note, string By);
    public sealed record CaseItemData(bool IsGoal, string? Text, DateOnly? DueOn, DateTime? DoneAt, string By);
    public sealed record PotBooking(DateOnly BookedOn, LedgerKind Kind, long AmountCents, SpendPurpose? Purpose, string? Note, string By);
    public sealed record BuddyOfferData(DateTime OfferedAt, string OfferedBy, OfferStatus Status, DateTime? AnsweredAt, string? DeclineReason,
        string? KindOverrideReason);
    public sealed record OutreachVisitData(DateOnly On, string Address, VisitOutcome Outcome, string? Note, string By);
    public sealed record SignalData(DateTime CreatedAt, string About, string? Note, DateOnly DueOn, DateTime? DoneAt, string? DoneNote, string By);
    /// <summary>Special-category records this worker may not open: how many, and who may.</summary>
    public sealed record Hidden(string Kind, int Count, string OnlyFor);
    public sealed record TalentCardData(string? OfferText, string? NeedText, List<string> Offers, List<string> Needs, DateTime UpdatedAt);
    public sealed record SharedOfferData(string FirstName, string? BuurtName, string Tags, string? Languages, string? Text, DateTime UpdatedAt);
    public sealed record MatchData(string Role, string Other, string About, MatchStatus Status, DateTime SuggestedAt, DateTime? DoneAt,
        string? FizzleReason, List<MatchNoteData> Notes);
    public sealed record MatchNoteData(DateTime At, string Text, string By);
    public sealed record VolunteerData(DateOnly? VogIssuedOn, DateOnly? VogExpiresOn, DateTime Since, DateTime? ArchivedAt, bool HasLogin);
    public sealed record Shift(DateTime SessionStartsAt, string Activity, string Role, DateTime SignedUpAt, string By);
    public sealed record Hours(DateOnly WorkedOn, string Role, int Minutes, string? Note, string By);
    public sealed record ContributionData(DateOnly GivenOn, ContributionKind Kind, string Description, long? Points, string By);
    public sealed record TimeCreditData(string AccountName, DateTime OpenedAt, long Balance, List<TimeCreditLine> Lines);
    public sealed record TimeCreditLine(DateOnly BookedOn, long Points, string Description, string By, bool IsReversal);
    public sealed record RoomRequestData(DateTime ReceivedAt, string Room, DateTime StartsAt, DateTime EndsAt, string Organisation, string Purpose,
        string ContactName, string ContactEmail, string? ContactPhone, string? Message, Rooms.RequestStatus Status);
    public sealed record ReferralData(DateOnly ReferredOn, string Organisation, string? Reason, string? WentAlong, bool DetailsShared,
        string? OverrideReason, Partners.ReferralOutcome? Outcome, DateOnly? OutcomeOn, string By);
    public sealed record Look(DateTime At, string User, string Role, string Record, string Action, string Outcome, bool InAList);

    public static byte[] ToJson(Report report) => JsonSerializer.SerializeToUtf8Bytes(report, Json);

    /// <summary>What an audit action means for the person, in words (the access page and the PDF).</summary>
    public static string ActionLabel(string action) => action switch
    {
        ViewAction => "inzage bekeken",
        PdfAction => "inzage als PDF gedownload",
        JsonAction => "inzage als JSON gedownload",
        PersonErasure.EraseAction => "gewist op verzoek",
        Partners.ReferralsModel.OverrideAction => "gegevens gedeeld zonder toestemming (met reden)",
        _ => AuditLabels.Of(action),
    };
}
