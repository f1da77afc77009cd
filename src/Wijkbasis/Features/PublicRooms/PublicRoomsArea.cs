using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Wijkbasis.Features.PublicRooms;

/// <summary>The anonymous room request form and the public room calendars.</summary>
public sealed class PublicRoomsArea : Area
{
    public override void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<PublicRoomsAccess>();

    public override void ConfigurePages(PageConventionCollection pages) => pages.AllowAnonymousToFolder("/PublicRooms");
}
