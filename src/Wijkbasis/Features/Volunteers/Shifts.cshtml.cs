using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Volunteers;

/// <summary>Shifts are the activities' sessions: who comes in which role, two weeks at a time. A volunteer signs up
/// themself (and withdraws until the session starts); a coordinator signs anyone up.</summary>
public sealed class ShiftsModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    public const int Days = 14;

    [BindProperty(SupportsGet = true, Name = "van")] public string? From { get; set; }
    [BindProperty(Name = "SessionId")] public Guid SessionId { get; set; }
    [BindProperty(Name = "RoleId")] public Guid? RoleId { get; set; }
    [BindProperty(Name = "VolunteerId")] public Guid? VolunteerId { get; set; }
    [BindProperty(Name = "SignupId")] public Guid SignupId { get; set; }

    public sealed record SignupRow(Guid Id, Guid VolunteerId, string Name, string Role);
    public sealed record SessionRow(Guid Id, string Activity, string Location, DateTime StartsAt, DateTime EndsAt, bool Cancelled, List<SignupRow> Signups);

    public List<SessionRow> Sessions { get; private set; } = [];
    public List<VolunteerArea.Option> Roles { get; private set; } = [];
    public List<VolunteerArea.Option> Volunteers { get; private set; } = [];
    public Volunteer? Me { get; private set; }
    public bool ActsForAnyone => VolunteerArea.ActsForAnyone(tenant);
    public DateOnly Start { get; private set; }
    public DateTime Now { get; private set; }

    /// <summary>The <c>?van=</c> of the weeks <paramref name="days"/> from these.</summary>
    public string Week(int days) => Start.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSignUpAsync(CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == SessionId)
            .Select(s => new { s.Id, s.StartsAt, s.EndsAt, s.OccurrenceDate, s.CancelledAt }).SingleOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return NotFound();
        }
        Me = await VolunteerArea.MineAsync(db, tenant, cancellationToken);
        Guid? volunteerId = ActsForAnyone ? VolunteerId ?? Me?.Id : Me?.Id;
        if (!ActsForAnyone && VolunteerId is { } asked && asked != Me?.Id)
        {
            return Forbid();
        }
        var volunteer = volunteerId is null ? null : await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == volunteerId, cancellationToken);
        if (volunteer is null)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), new Refusal(ActsForAnyone ? "Kies een vrijwilliger." : "Uw inlog hoort nog niet bij een vrijwilliger. Vraag de coördinator."), nameof(SessionId));
        }
        var role = await db.VolunteerRoles.AsNoTracking().SingleOrDefaultAsync(r => r.Id == RoleId, cancellationToken);
        if (role is null)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), new Refusal("Kies een rol uit de lijst."), nameof(SessionId));
        }
        var problem = VolunteerRules.CheckSignup(new VolunteerRules.SignupCheck(session.CancelledAt is not null, session.EndsAt,
            DateOnly.FromDateTime(session.StartsAt.ToAmsterdam()), role.IsArchived, role.RequiresVog, volunteer.ArchivedAt is not null,
            volunteer.VogExpiresOn), time.UtcNow());
        if (problem is not null)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), problem, nameof(SessionId));
        }
        var name = await db.People.Where(p => p.Id == volunteer.PersonId).Select(p => p.Name).SingleAsync(cancellationToken);
        var twice = new Refusal("{0} is al aangemeld voor deze sessie als {1}.", name, role.Name.ToLower(CultureInfo.CurrentCulture));
        if (await db.ShiftSignups.AnyAsync(s => s.SessionId == session.Id && s.RoleId == role.Id && s.VolunteerId == volunteer.Id, cancellationToken))
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), twice, nameof(SessionId));
        }
        db.ShiftSignups.Add(new ShiftSignup
        {
            SessionId = session.Id, RoleId = role.Id, VolunteerId = volunteer.Id, PersonId = volunteer.PersonId, At = time.UtcNow(), ByName = tenant.DisplayName,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), twice, nameof(SessionId));
        }
        TempData.Say("{0} is aangemeld als {1}.", name, role.Name);
        return Back(session.StartsAt);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken)
    {
        var signup = await db.ShiftSignups.SingleOrDefaultAsync(s => s.Id == SignupId, cancellationToken);
        if (signup is null)
        {
            return NotFound();
        }
        if (!ActsForAnyone && (await VolunteerArea.MineAsync(db, tenant, cancellationToken))?.Id != signup.VolunteerId)
        {
            return Forbid();
        }
        var startsAt = await db.Sessions.Where(s => s.Id == signup.SessionId).Select(s => s.StartsAt).SingleAsync(cancellationToken);
        if (VolunteerRules.CheckWithdraw(startsAt, time.UtcNow()) is { } problem)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), problem, nameof(SessionId));
        }
        var name = await db.People.Where(p => p.Id == signup.PersonId).Select(p => p.Name).SingleAsync(cancellationToken);
        db.ShiftSignups.Remove(signup);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("{0} is afgemeld.", name);
        return Back(startsAt);
    }

    /// <summary>Back to the weeks of the session: the default weeks when it falls in them.</summary>
    private RedirectToPageResult Back(DateTime startsAt)
    {
        var day = DateOnly.FromDateTime(startsAt.ToAmsterdam());
        var today = time.AmsterdamToday();
        return day < today || day >= today.AddDays(Days)
            ? RedirectToPage("/Volunteers/Shifts", new { van = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })
            : RedirectToPage("/Volunteers/Shifts");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = time.AmsterdamToday();
        Now = time.UtcNow();
        Start = DateOnly.TryParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && from > today.AddYears(-1) && from < today.AddYears(1) ? from : today;
        var first = Clock.FromAmsterdam(Start, TimeOnly.MinValue);
        var until = Clock.FromAmsterdam(Start.AddDays(Days), TimeOnly.MinValue);
        Me ??= await VolunteerArea.MineAsync(db, tenant, cancellationToken);
        Roles = await VolunteerArea.ActiveRolesAsync(db, cancellationToken);
        Volunteers = ActsForAnyone
            ? await db.Volunteers.AsNoTracking().Where(v => v.ArchivedAt == null)
                .Join(db.People, v => v.PersonId, p => p.Id, (v, p) => new { v.Id, p.Name })
                .OrderBy(o => o.Name).ThenBy(o => o.Id).Select(o => new VolunteerArea.Option(o.Id, o.Name)).ToListAsync(cancellationToken)
            : [];
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.StartsAt >= first && s.StartsAt < until && (s.EndsAt > Now || s.CancelledAt == null))
            .OrderBy(s => s.StartsAt)
            .Select(s => new { s.Id, Activity = s.Activity!.Name, Location = s.Location!.Name, s.StartsAt, s.EndsAt, Cancelled = s.CancelledAt != null })
            .ToListAsync(cancellationToken);
        var ids = sessions.Select(s => s.Id).ToList();
        var signups = await db.ShiftSignups.AsNoTracking().Where(s => ids.Contains(s.SessionId))
            .Join(db.People, s => s.PersonId, p => p.Id, (s, p) => new { s.Id, s.SessionId, s.VolunteerId, s.RoleId, p.Name })
            .Join(db.VolunteerRoles, x => x.RoleId, r => r.Id, (x, r) => new { x.Id, x.SessionId, x.VolunteerId, x.Name, Role = r.Name })
            .ToListAsync(cancellationToken);
        var bySession = signups.ToLookup(s => s.SessionId);
        Sessions = sessions.Select(s => new SessionRow(s.Id, s.Activity, s.Location, s.StartsAt, s.EndsAt, s.Cancelled,
            bySession[s.Id].OrderBy(x => x.Role, StringComparer.CurrentCulture).ThenBy(x => x.Name, StringComparer.CurrentCulture)
                .Select(x => new SignupRow(x.Id, x.VolunteerId, x.Name, x.Role)).ToList())).ToList();
    }
}
