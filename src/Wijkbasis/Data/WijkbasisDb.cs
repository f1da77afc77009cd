using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Budget;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.MoneyFlows;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Outreach;
using Wijkbasis.Features.Talents;
using Wijkbasis.Features.TimeCredits;
using Wijkbasis.Features.Rooms;
using Wijkbasis.Features.Volunteers;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Data;

/// <summary>The one model. Provider-specific subclasses (<see cref="SqliteWijkbasisDb"/>,
/// <see cref="PostgresWijkbasisDb"/>) exist only so each provider keeps its own migrations.</summary>
public abstract class WijkbasisDb(DbContextOptions options, TenantContext tenant)
    : IdentityUserContext<AppUser, Guid>(options)
{
    public const string TenantFilter = "Tenant";
    /// <summary>Who may see a buddy-programme record inside the enterprise (see <see cref="DeclareAccess"/>).</summary>
    public const string AccessFilter = "Access";

    /// <summary>Read by the tenant query filter on every query; Guid.Empty matches no row.</summary>
    public Guid CurrentTenantId => tenant.TenantId;

    /// <summary>Read by the access filters; Guid.Empty (nobody signed in) matches no row.</summary>
    public Guid CurrentUserId => tenant.UserId ?? Guid.Empty;

    /// <summary>A caseworker sees every case of the enterprise; everyone else only their own (fail closed).</summary>
    public bool SeesAllCases => tenant.IsInRole(Roles.Caseworker);

    public bool ApprovesSpends => tenant.IsInRole(Roles.BudgetApprover);

    /// <summary>False for a volunteer without a role that opens the register (coordinator, wijkverbinder): they see only
    /// their own people (see <see cref="DeclareAccess"/>, docs/decisions/0024).</summary>
    public bool SeesWholeRegister => !tenant.IsInRole(Roles.Volunteer)
        || tenant.IsInRole(Roles.Coordinator) || tenant.IsInRole(Roles.Wijkverbinder);

    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<HeadCount> HeadCounts => Set<HeadCount>();
    public DbSet<LogEntry> LogEntries => Set<LogEntry>();
    public DbSet<Buddy> Buddies => Set<Buddy>();
    public DbSet<BuddyOffer> BuddyOffers => Set<BuddyOffer>();
    public DbSet<Intake> Intakes => Set<Intake>();
    public DbSet<ZrmCriterion> ZrmCriteria => Set<ZrmCriterion>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseContact> CaseContacts => Set<CaseContact>();
    public DbSet<CaseItem> CaseItems => Set<CaseItem>();
    public DbSet<ProgrammeSettings> ProgrammeSettings => Set<ProgrammeSettings>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<OutreachVisit> OutreachVisits => Set<OutreachVisit>();
    public DbSet<Signal> Signals => Set<Signal>();
    public DbSet<BudgetPot> BudgetPots => Set<BudgetPot>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<SpendRequest> SpendRequests => Set<SpendRequest>();
    public DbSet<Mandate> Mandates => Set<Mandate>();
    public DbSet<TalentTag> TalentTags => Set<TalentTag>();
    public DbSet<TalentCard> TalentCards => Set<TalentCard>();
    public DbSet<TalentCardTag> TalentCardTags => Set<TalentCardTag>();
    public DbSet<SharedOffer> SharedOffers => Set<SharedOffer>();
    public DbSet<Match> Matches => Set<Match>();
    public DbSet<MatchNote> MatchNotes => Set<MatchNote>();
    public DbSet<MoneyLine> MoneyLines => Set<MoneyLine>();
    public DbSet<TimeCreditSettings> TimeCreditSettings => Set<TimeCreditSettings>();
    public DbSet<TimeCreditAccount> TimeCreditAccounts => Set<TimeCreditAccount>();
    public DbSet<TimeCreditTransfer> TimeCreditTransfers => Set<TimeCreditTransfer>();
    public DbSet<TimeCreditMovement> TimeCreditMovements => Set<TimeCreditMovement>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<RoomBooking> RoomBookings => Set<RoomBooking>();
    public DbSet<BookingRequest> BookingRequests => Set<BookingRequest>();
    public DbSet<VolunteerRole> VolunteerRoles => Set<VolunteerRole>();
    public DbSet<Volunteer> Volunteers => Set<Volunteer>();
    public DbSet<ShiftSignup> ShiftSignups => Set<ShiftSignup>();
    public DbSet<VolunteerHours> VolunteerHours => Set<VolunteerHours>();
    public DbSet<Contribution> Contributions => Set<Contribution>();
    public DbSet<PostcodeArea> PostcodeAreas => Set<PostcodeArea>();
    public DbSet<Features.Impact.BuurtPopulation> BuurtPopulations => Set<Features.Impact.BuurtPopulation>();
    public DbSet<Features.Impact.ReportDraft> ReportDrafts => Set<Features.Impact.ReportDraft>();
    public DbSet<Features.Impact.FixedReport> FixedReports => Set<Features.Impact.FixedReport>();
    public DbSet<Features.Impact.PublishedCube> PublishedCubes => Set<Features.Impact.PublishedCube>();
    public DbSet<Features.Shared.SentForm> SentForms => Set<Features.Shared.SentForm>();
    public DbSet<Features.Retention.RetentionSetting> RetentionSettings => Set<Features.Retention.RetentionSetting>();
    public DbSet<Features.Partners.Organisation> Organisations => Set<Features.Partners.Organisation>();
    public DbSet<Features.Partners.OrganisationContact> OrganisationContacts => Set<Features.Partners.OrganisationContact>();
    public DbSet<Features.Partners.WorkAgreement> WorkAgreements => Set<Features.Partners.WorkAgreement>();
    public DbSet<Features.Partners.Referral> Referrals => Set<Features.Partners.Referral>();
    public DbSet<Features.Partners.FundingAgreement> FundingAgreements => Set<Features.Partners.FundingAgreement>();
    public DbSet<Features.Partners.AgreementAmount> AgreementAmounts => Set<Features.Partners.AgreementAmount>();
    public DbSet<Features.Partners.AgreementReportDate> AgreementReportDates => Set<Features.Partners.AgreementReportDate>();
    public DbSet<Features.Partners.AgreementTarget> AgreementTargets => Set<Features.Partners.AgreementTarget>();
    public DbSet<Features.AssetMap.Asset> Assets => Set<Features.AssetMap.Asset>();
    public DbSet<Features.Surveys.Survey> Surveys => Set<Features.Surveys.Survey>();
    public DbSet<Features.Surveys.SurveyQuestion> SurveyQuestions => Set<Features.Surveys.SurveyQuestion>();
    public DbSet<Features.Surveys.SurveyResponse> SurveyResponses => Set<Features.Surveys.SurveyResponse>();
    public DbSet<Features.Surveys.SurveyLink> SurveyLinks => Set<Features.Surveys.SurveyLink>();
    public DbSet<Features.Import.ImportJob> ImportJobs => Set<Features.Import.ImportJob>();
    public DbSet<Features.Import.ImportMapping> ImportMappings => Set<Features.Import.ImportMapping>();
    public DbSet<Features.Api.ApiToken> ApiTokens => Set<Features.Api.ApiToken>();
    public DbSet<Features.Stories.ChangeStory> ChangeStories => Set<Features.Stories.ChangeStory>();
    public DbSet<Features.Stories.StorySelection> StorySelections => Set<Features.Stories.StorySelection>();
    public DbSet<Features.Ownership.OwnershipRound> OwnershipRounds => Set<Features.Ownership.OwnershipRound>();
    public DbSet<Features.Ownership.OwnershipScoring> OwnershipScorings => Set<Features.Ownership.OwnershipScoring>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Everything is stored in UTC; reading it back must say so, on both providers.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<SealedText>().HaveConversion<SealedTextConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WijkbasisDb).Assembly, t => t.Namespace == typeof(WijkbasisDb).Namespace + ".Configurations");

        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entityType.ClrType).HasQueryFilter(TenantFilter, TenantFilterFor(entityType.ClrType));
        }
        DeclareAccess(builder);
    }

    /// <summary>Inside an enterprise, the buddy programme's records are seen only by those who help the resident:
    /// a buddy their own cases (and a case offered or being handed to them), a wijkverbinder the intakes and cases
    /// they made, a caseworker all of them. Anyone else gets nothing. Work that must count across them (overviews
    /// without content, the demo) names the filter it skips: <c>IgnoreQueryFilters([AccessFilter])</c>.</summary>
    private void DeclareAccess(ModelBuilder builder)
    {
        builder.Entity<Case>().HasQueryFilter(AccessFilter, c => SeesAllCases
            || c.OwnerUserId == CurrentUserId || c.CreatedByUserId == CurrentUserId || c.TransferToUserId == CurrentUserId);
        builder.Entity<CaseContact>().HasQueryFilter(AccessFilter, x => Cases.Any(c => c.Id == x.CaseId));
        builder.Entity<CaseItem>().HasQueryFilter(AccessFilter, x => Cases.Any(c => c.Id == x.CaseId));
        builder.Entity<BuddyOffer>().HasQueryFilter(AccessFilter, o => SeesAllCases
            || o.OfferedByUserId == CurrentUserId || o.BuddyUserId == CurrentUserId);
        builder.Entity<Intake>().HasQueryFilter(AccessFilter, i => SeesAllCases || i.ByUserId == CurrentUserId
            || Cases.Any(c => c.IntakeId == i.Id)
            || BuddyOffers.Any(o => o.IntakeId == i.Id && o.BuddyUserId == CurrentUserId && o.Status == OfferStatus.Offered));
        builder.Entity<Signal>().HasQueryFilter(AccessFilter, s => SeesAllCases
            || s.AssignedToUserId == CurrentUserId || s.CreatedByUserId == CurrentUserId);
        builder.Entity<OutreachVisit>().HasQueryFilter(AccessFilter, v => SeesAllCases || v.ByUserId == CurrentUserId);
        builder.Entity<SpendRequest>().HasQueryFilter(AccessFilter, r => ApprovesSpends
            || r.RequestedByUserId == CurrentUserId || Cases.Any(c => c.Id == r.CaseId));
        // Data minimisation (docs/decisions/0024): a volunteer sees the people who came to an activity they host (as the
        // activity's host or the host of any of its sessions), the people they added, fellow volunteers (on the rosters),
        // and the residents of cases they may see; everyone else is not found. An erased person (docs/decisions/0023) is
        // a nameless tombstone kept for counts: found by no one, counted by the impact monitor, which reads past this filter.
        builder.Entity<Person>().HasQueryFilter(AccessFilter, p => p.ErasedAt == null && (SeesWholeRegister
            || p.CreatedByUserId == CurrentUserId
            || Volunteers.Any(v => v.PersonId == p.Id)
            || CheckIns.Any(c => c.PersonId == p.Id && Sessions.Any(s => s.Id == c.SessionId
                && (Activities.Any(a => a.Id == s.ActivityId && a.HostUserId == CurrentUserId)
                    || Sessions.Any(o => o.ActivityId == s.ActivityId && o.HostUserId == CurrentUserId))))
            || Cases.Any(c => c.PersonId == p.Id)));
    }

    private LambdaExpression TenantFilterFor(Type type)
    {
        // e => e.TenantId == this.CurrentTenantId; EF parameterises the context property per query.
        var e = Expression.Parameter(type, "e");
        var body = Expression.Equal(
            Expression.Property(e, nameof(ITenantOwned.TenantId)),
            Expression.Property(Expression.Constant(this), nameof(CurrentTenantId)));
        return Expression.Lambda(body, e);
    }

    private sealed class SealedTextConverter() : ValueConverter<SealedText, string>(v => v.Stored, v => new SealedText(v));

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteWijkbasisDb(DbContextOptions<SqliteWijkbasisDb> options, TenantContext tenant)
    : WijkbasisDb(options, tenant);

public sealed class PostgresWijkbasisDb(DbContextOptions<PostgresWijkbasisDb> options, TenantContext tenant)
    : WijkbasisDb(options, tenant);
