using Microsoft.EntityFrameworkCore;
using Wijkbasis.Tests.Infrastructure;

namespace Wijkbasis.Tests.Features.Rooms;

public sealed class RoomSamples : ISampleRecords
{
    public IReadOnlyDictionary<string, Func<WijkbasisFactory, Task<Guid>>> Samples { get; } = new Dictionary<string, Func<WijkbasisFactory, Task<Guid>>>
    {
        ["ruimtes"] = app => app.InDbAsync("huiskamer", db => db.Rooms.OrderBy(r => r.Name).Select(r => r.Id).FirstAsync()),
        ["boekingen"] = app => app.InDbAsync("huiskamer", db => db.RoomBookings.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync()),
        ["ruimteaanvragen"] = app => app.InDbAsync("huiskamer", db => db.BookingRequests
            .Where(r => r.Status == Wijkbasis.Features.Rooms.RequestStatus.Pending).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()),
    };
}
