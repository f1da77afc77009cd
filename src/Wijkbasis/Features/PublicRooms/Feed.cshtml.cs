using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Rooms;

namespace Wijkbasis.Features.PublicRooms;

/// <summary>A room's calendar feed without logging in, only when the enterprise made it public; otherwise 404, so the
/// address does not even tell whether the room exists.</summary>
public sealed class FeedModel(PublicRoomsAccess access, WijkbasisDb db, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        if (await access.EnterAsync(slug, cancellationToken) is not { } enterprise
            || await db.Rooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.FeedIsPublic && r.ArchivedAt == null, cancellationToken) is not { } room)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "public, max-age=900";
        return Content(await RoomFeed.WriteAsync(db, room, enterprise.Name, enterprise.Slug, time, cancellationToken), "text/calendar; charset=utf-8");
    }
}
