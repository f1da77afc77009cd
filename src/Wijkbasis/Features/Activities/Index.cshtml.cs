using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Activities;

public sealed class IndexModel(WijkbasisDb db, TimeProvider time, IServiceScopeFactory scopes, Infrastructure.Tenancy.TenantContext tenant) : PageModel
{
    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await SessionPlanner.ExtendAsAsync(scopes, tenant, cancellationToken);
        var now = time.UtcNow();
        Rows = await db.Activities.AsNoTracking().Where(a => a.ArchivedAt == null).OrderBy(a => a.Name)
            .Select(a => new Row(a, a.Location!.Name,
                db.Sessions.Where(s => s.ActivityId == a.Id && s.EndsAt > now && s.CancelledAt == null)
                    .OrderBy(s => s.StartsAt).Select(s => (DateTime?)s.StartsAt).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(Activity Activity, string Location, DateTime? Next);
}
