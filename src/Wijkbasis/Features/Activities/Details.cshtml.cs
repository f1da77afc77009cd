using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Activities;

public sealed class DetailsModel(WijkbasisDb db, TimeProvider time, SessionPlanner planner) : PageModel
{
    public const int PastShown = 10;
    public const int UpcomingShown = 12;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public bool Confirm { get; set; }
    public Activity Activity { get; private set; } = null!;
    public string? HostName { get; private set; }
    public List<SessionRow> Upcoming { get; private set; } = [];
    public List<SessionRow> Past { get; private set; } = [];
    public int SessionCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().Include(a => a.Location).SingleOrDefaultAsync(a => a.Id == Id, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }
        Activity = activity;
        HostName = activity.HostUserId is { } host
            ? await db.Memberships.Where(m => m.UserId == host).Select(m => m.User!.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var now = time.UtcNow();
        IQueryable<SessionRow> Rows(IQueryable<Session> sessions) => sessions
            .Select(s => new SessionRow(s.Id, s.StartsAt, s.EndsAt, s.Location!.Name, s.IsMoved, s.CancelledAt != null, s.ClosedAt != null,
                db.CheckIns.Count(c => c.SessionId == s.Id) + (db.HeadCounts.Where(h => h.SessionId == s.Id).Sum(h => (int?)(h.Children + h.Teens + h.Adults + h.Seniors)) ?? 0)));
        var mine = db.Sessions.AsNoTracking().Where(s => s.ActivityId == Id);
        Upcoming = await Rows(mine.Where(s => s.EndsAt > now).OrderBy(s => s.StartsAt).Take(UpcomingShown)).ToListAsync(cancellationToken);
        Past = await Rows(mine.Where(s => s.EndsAt <= now).OrderByDescending(s => s.StartsAt).Take(PastShown)).ToListAsync(cancellationToken);
        SessionCount = await mine.CountAsync(cancellationToken);
        return Page();
    }

    /// <summary>Stops the activity: future sessions go, history stays. Needs the confirmation tick.</summary>
    public async Task<IActionResult> OnPostArchiveAsync(CancellationToken cancellationToken)
    {
        var activity = await db.Activities.SingleOrDefaultAsync(a => a.Id == Id && a.ArchivedAt == null, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }
        if (!Confirm)
        {
            TempData.Say("Zet eerst het vinkje om te bevestigen dat {0} stopt.", activity.Name);
            return RedirectToPage("/Activities/Details", new { id = Id });
        }
        activity.ArchivedAt = activity.UpdatedAt = time.UtcNow();
        await planner.PlanAsync(activity, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("{0} is gestopt. Wat al geweest is, blijft bewaard.", activity.Name);
        return RedirectToPage("/Activities/Index");
    }

    public sealed record SessionRow(Guid Id, DateTime StartsAt, DateTime EndsAt, string Location, bool Moved, bool Cancelled, bool Closed, int Visitors);
}
