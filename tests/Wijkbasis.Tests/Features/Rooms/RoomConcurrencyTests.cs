using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Data;
using Wijkbasis.Features.Rooms;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;
using static Wijkbasis.Tests.Features.Rooms.RoomsApp;

namespace Wijkbasis.Tests.Features.Rooms;

/// <summary>No double booking when bookings race, on both databases: the database decides, not only the page's check.</summary>
public sealed class RoomConcurrencyTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Fact]
    public async Task TwentySimultaneousBookingsOfOneSlotStoreExactlyOne()
    {
        var room = await NewRoomAsync(app, "Zaal Race");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var url = $"/huiskamer/ruimtes/{room}/boeken";
        var token = await TokenAsync(client, url);

        var auditsBefore = await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(RoomBooking)));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
        {
            var form = Booking(Ahead(3), "19:00", "21:00", $"Poging {i}");
            form["__RequestVerificationToken"] = token;
            return client.PostRawAsync(url, form);
        }));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        var stored = Assert.Single(await BookingsAsync(app, room));
        // The refused attempts rolled back with their audit rows.
        Assert.Equal(auditsBefore + 1, await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(RoomBooking))));
        Assert.Equal(1, await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync(a => a.EntityId == stored.Id.ToString())));
        Assert.StartsWith("Poging ", stored.Title);
    }

    [Fact]
    public async Task TheDatabaseRefusesAnOverlapEvenWhenTheCheckIsSkipped()
    {
        var room = await NewRoomAsync(app, "Zaal Rechtstreeks");
        var slot = RoomRules.SlotOn(Ahead(4), new(10, 0), new(12, 0));

        // Twenty writers insert straight into the table at once, each with its own slightly different overlapping period.
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
            var e = await db.Enterprises.SingleAsync(x => x.Slug == "huiskamer");
            scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(e, []);
            db.RoomBookings.Add(new RoomBooking
            {
                RoomId = room, Kind = BookingKind.Booking, Title = $"Rechtstreeks {i}", StartsAt = slot.StartsAt.AddMinutes(i), EndsAt = slot.EndsAt,
                CreatedAt = TimeProvider.System.UtcNow(),
            });
            try
            {
                await db.SaveChangesAsync();
                return true;
            }
            catch (DbUpdateException ex) when (ex.IsRoomTaken())
            {
                return false;
            }
        })));

        Assert.Equal(1, results.Count(r => r));
        Assert.Single(await BookingsAsync(app, room));
    }

    [Fact]
    public async Task ACancelledBookingCanNotBeRevivedOverANewOne()
    {
        var room = await NewRoomAsync(app, "Zaal Herleven");
        var slot = RoomRules.SlotOn(Ahead(4), new(10, 0), new(12, 0));
        var first = await app.InDbAsync("huiskamer", async db =>
        {
            var b = new RoomBooking { RoomId = room, Title = "Eerst", StartsAt = slot.StartsAt, EndsAt = slot.EndsAt, CancelledAt = TimeProvider.System.UtcNow() };
            db.RoomBookings.Add(b);
            db.RoomBookings.Add(new RoomBooking { RoomId = room, Title = "Daarna", StartsAt = slot.StartsAt, EndsAt = slot.EndsAt });
            await db.SaveChangesAsync();
            return b.Id;
        });

        var revive = app.InDbAsync("huiskamer", async db =>
        {
            var b = await db.RoomBookings.SingleAsync(x => x.Id == first);
            b.CancelledAt = null;
            return await db.SaveChangesAsync();
        });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => revive);
        Assert.True(error.IsRoomTaken());
    }
}
