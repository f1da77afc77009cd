using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Wijkbasis.Features.Agenda;

/// <summary>The public agenda and its calendar feed: anonymous, per enterprise slug.</summary>
public sealed class AgendaArea : Area
{
    public override void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<PublicAgenda>();

    public override void ConfigurePages(PageConventionCollection pages) => pages.AllowAnonymousToFolder("/Agenda");
}
