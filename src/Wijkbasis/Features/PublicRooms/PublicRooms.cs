using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Rooms;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.PublicRooms;

/// <summary>What an enterprise shows outsiders about its rooms: the rooms it lets outsiders ask for (name, size,
/// facilities, rates) and the feeds it made public. Never bookings' parties or requesters. Read by anyone, so it
/// enters the enterprise without roles.</summary>
public sealed class PublicRoomsAccess(WijkbasisDb db, TenantContext tenant)
{
    /// <summary>The actor name in the audit log for requests sent from the public form.</summary>
    public const string FormActor = "aanvraagformulier";

    public async Task<Data.Enterprise?> EnterAsync(string slug, CancellationToken cancellationToken)
    {
        var enterprise = await tenant.EnterPublicAsync(db, slug, cancellationToken);
        if (enterprise is null)
        {
            return null;
        }
        return enterprise;
    }

    public Task<List<Room>> RequestableRoomsAsync(CancellationToken cancellationToken) =>
        db.Rooms.AsNoTracking().Where(r => r.AcceptsRequests && r.ArchivedAt == null).OrderBy(r => r.Name).ToListAsync(cancellationToken);
}
