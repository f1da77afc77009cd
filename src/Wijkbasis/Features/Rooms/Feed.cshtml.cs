using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.Rooms;

/// <summary>The room's feed for members of the enterprise (logged in), whether or not it is public.</summary>
public sealed class FeedModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Rooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } room)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "private, max-age=300";
        return Content(await RoomFeed.WriteAsync(db, room, tenant.Name, tenant.Slug, time, cancellationToken), "text/calendar; charset=utf-8");
    }
}
