using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Volunteers;

/// <summary>Who needs a (new) VOG: it expires within N days (default 60; <c>?dagen=</c>), has expired, or is missing,
/// for volunteers who hold a role that requires one: a coming shift in such a role, or hours in it in the past year.
/// A volunteer who only does roles without a VOG is not on the list for a missing one.</summary>
public sealed class VogModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    public const int DefaultDays = 60;
    public const int MaxDays = 730;

    [BindProperty(SupportsGet = true, Name = "dagen")] public int? Days { get; set; }

    public sealed record Row(Guid VolunteerId, string Name, DateOnly? ExpiresOn, VogState State, bool NeedsVog, DateTime? NextVogShift);
    public List<Row> Rows { get; private set; } = [];
    public int WarnDays { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        WarnDays = Math.Clamp(Days ?? DefaultDays, 0, MaxDays);
        var today = time.AmsterdamToday();
        var now = time.UtcNow();
        var yearAgo = today.AddYears(-1);
        var vogRoles = db.VolunteerRoles.Where(r => r.RequiresVog);
        var rows = await db.Volunteers.AsNoTracking().Where(v => v.ArchivedAt == null)
            .Join(db.People, v => v.PersonId, p => p.Id, (v, p) => new
            {
                v.Id, p.Name, v.VogExpiresOn,
                NextVogShift = db.ShiftSignups.Where(s => s.VolunteerId == v.Id && vogRoles.Any(r => r.Id == s.RoleId))
                    .Join(db.Sessions.Where(x => x.StartsAt > now && x.CancelledAt == null), s => s.SessionId, x => x.Id, (s, x) => (DateTime?)x.StartsAt)
                    .Min(),
                RecentVogHours = db.VolunteerHours.Any(h => h.PersonId == v.PersonId && h.WorkedOn >= yearAgo && vogRoles.Any(r => r.Id == h.RoleId)),
            })
            .ToListAsync(cancellationToken);
        Rows = rows
            .Select(r => new Row(r.Id, r.Name, r.VogExpiresOn, Vog.StateOn(r.VogExpiresOn, today, WarnDays), r.NextVogShift is not null || r.RecentVogHours, r.NextVogShift))
            .Where(r => r.State is VogState.ExpiresSoon or VogState.Expired || r.State == VogState.Missing && r.NeedsVog)
            .OrderBy(r => r.State switch { VogState.Expired => 0, VogState.Missing => 1, _ => 2 })
            .ThenBy(r => r.ExpiresOn).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}
