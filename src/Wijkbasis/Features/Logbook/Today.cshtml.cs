using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Activities;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Logbook;

/// <summary>"Vandaag": today's sessions with live counts, and logbooks of the last two months still to close.
/// A volunteer sees the sessions they host.</summary>
public sealed class TodayModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, IServiceScopeFactory scopes, Infrastructure.Audit.AuditLog audit) : PageModel
{
    public const int OpenDaysBack = 60;
    public const int NextShown = 5;

    public List<Row> Today { get; private set; } = [];
    public List<Row> StillOpen { get; private set; } = [];
    public List<Row> Next { get; private set; } = [];
    /// <summary>The worker's own referrals to ask after (partners, docs/decisions/0026), by follow-up date.</summary>
    public List<FollowUp> FollowUps { get; private set; } = [];
    public DateOnly TodayDate { get; private set; }
    /// <summary>Reports due to funders within <see cref="Partners.AgreementReportDate.RemindDaysAhead"/> days or overdue, not yet
    /// marked "ingediend" (agreements, docs/decisions/0029); for the coordinator.</summary>
    public List<ReportDue> ReportsDue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await SessionPlanner.ExtendAsAsync(scopes, tenant, cancellationToken);
        var (from, to) = TodayInUtc();
        Today = await Rows(Mine().Where(s => s.StartsAt >= from && s.StartsAt < to).OrderBy(s => s.StartsAt)).ToListAsync(cancellationToken);
        var since = from.AddDays(-OpenDaysBack);
        StillOpen = await Rows(Mine().Where(s => s.StartsAt >= since && s.StartsAt < from && s.ClosedAt == null && s.CancelledAt == null)
            .OrderByDescending(s => s.StartsAt)).ToListAsync(cancellationToken);
        // The coming sessions, to open their logbook and prepare.
        Next = await Rows(Mine().Where(s => s.StartsAt >= to && s.CancelledAt == null).OrderBy(s => s.StartsAt).Take(NextShown)).ToListAsync(cancellationToken);
        await LoadFollowUpsAsync(cancellationToken);
        await LoadReportsDueAsync(cancellationToken);
    }

    private async Task LoadReportsDueAsync(CancellationToken cancellationToken)
    {
        if (!Shared.AreaAccess.Allows(Partners.PartnersArea.AgreementReminders, User, tenant))
        {
            return;
        }
        TodayDate = time.AmsterdamToday();
        var horizon = TodayDate.AddDays(Partners.AgreementReportDate.RemindDaysAhead);
        ReportsDue = await (from r in db.AgreementReportDates.AsNoTracking()
                            where r.SubmittedOn == null && r.DueOn <= horizon
                            join a in db.FundingAgreements on r.AgreementId equals a.Id
                            orderby r.DueOn, r.Id
                            select new ReportDue(a.Id, a.Title, r.What, r.DueOn)).Take(50).ToListAsync(cancellationToken);
    }

    private async Task LoadFollowUpsAsync(CancellationToken cancellationToken)
    {
        if (!Shared.AreaAccess.Allows(Partners.PartnersArea.Referrals, User, tenant))
        {
            return;
        }
        TodayDate = time.AmsterdamToday();
        var me = tenant.UserId;
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.FollowUpUserId == me && r.FollowUpOn != null && (r.Outcome == null || r.Outcome == Partners.ReferralOutcome.Waiting))
            .OrderBy(r => r.FollowUpOn).ThenBy(r => r.Id).Take(50).ToListAsync(cancellationToken);
        if (referrals.Count == 0)
        {
            return;
        }
        // The list names residents and where they were referred: a look at their files, logged before it is shown.
        await audit.RecordViewsAsync(referrals, cancellationToken);
        var personIds = referrals.Select(r => r.PersonId).Distinct().ToList();
        var organisationIds = referrals.Select(r => r.OrganisationId).Distinct().ToList();
        var people = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        FollowUps = referrals.Where(r => people.ContainsKey(r.PersonId))
            .Select(r => new FollowUp(r.PersonId, people[r.PersonId], organisations.GetValueOrDefault(r.OrganisationId, ""), r.FollowUpOn!.Value, r.Outcome))
            .ToList();
    }


    /// <summary>The live numbers for today's sessions, polled by the page.</summary>
    public async Task<IActionResult> OnGetCountsAsync(CancellationToken cancellationToken)
    {
        var (from, to) = TodayInUtc();
        var rows = await Rows(Mine().Where(s => s.StartsAt >= from && s.StartsAt < to)).ToListAsync(cancellationToken);
        return new JsonResult(rows.ToDictionary(r => r.Id.ToString(), r => new { r.CheckIns, r.WalkIns }));
    }

    /// <summary>Today in the Netherlands, as a UTC range [from, to).</summary>
    private (DateTime From, DateTime To) TodayInUtc()
    {
        var today = time.AmsterdamToday();
        return (Clock.FromAmsterdam(today, TimeOnly.MinValue), Clock.FromAmsterdam(today.AddDays(1), TimeOnly.MinValue));
    }

    private IQueryable<Session> Mine() => Mine(db, tenant);

    /// <summary>All sessions for staff; for a volunteer, the sessions they host (as <see cref="LogbookRules.MayKeep"/>).</summary>
    public static IQueryable<Session> Mine(WijkbasisDb db, TenantContext tenant)
    {
        var sessions = db.Sessions.AsNoTracking();
        if (!tenant.IsInRole(Roles.Coordinator) && !tenant.IsInRole(Roles.Wijkverbinder))
        {
            var me = tenant.UserId;
            sessions = sessions.Where(s => s.HostUserId == me || (s.HostUserId == null && s.Activity!.HostUserId == me));
        }
        return sessions;
    }

    private IQueryable<Row> Rows(IQueryable<Session> sessions) =>
        sessions.Select(s => new Row(s.Id, s.Activity!.Name, s.StartsAt, s.EndsAt, s.Location!.Name,
            s.CancelledAt != null, s.ClosedAt != null,
            db.CheckIns.Count(c => c.SessionId == s.Id),
            db.HeadCounts.Where(h => h.SessionId == s.Id).Sum(h => (int?)(h.Children + h.Teens + h.Adults + h.Seniors)) ?? 0));

    public sealed record ReportDue(Guid AgreementId, string Agreement, string What, DateOnly On);

    public sealed record FollowUp(Guid PersonId, string Person, string Organisation, DateOnly On, Partners.ReferralOutcome? Outcome);

    public sealed record Row(Guid Id, string Activity, DateTime StartsAt, DateTime EndsAt, string Location, bool Cancelled, bool Closed, int CheckIns, int WalkIns);
}
