using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Rooms;

public sealed class RoomsArea : Area
{
    /// <summary>Rooms, their calendars and what is free (a volunteer too).</summary>
    public const string RoomsView = "RoomsView";
    /// <summary>Rooms, bookings, closed periods, requests from outside and rental income.</summary>
    public const string RoomsManage = "RoomsManage";

    public override void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<RoomCalendar>();

    public override IEnumerable<AreaPolicy> Policies =>
    [
        AreaPolicy.ForRoles(RoomsView, Roles.Coordinator, Roles.Wijkverbinder, Roles.Volunteer),
        AreaPolicy.ForRoles(RoomsManage, Roles.Coordinator),
    ];

    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Rooms", RoomsView);
        foreach (var page in new[] { "Edit", "Book", "Block", "Booking", "Occupancy", "Requests", "Request" })
        {
            pages.AuthorizePage("/Rooms/" + page, RoomsManage);
        }
        pages.AddFolderApplicationModelConvention("/Rooms", m => m.Filters.Add(new AuditNotFoundRecords("Room")));
        // One page adds and edits a room.
        AddLinkableRoute(pages, "/Rooms/Edit", "/{enterprise}/ruimtes/nieuw");
    }

    public override IEnumerable<MenuEntry> Menu => [new("Ruimtes", "/Rooms/Index", RoomsView, 40)];
}
