using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Logbook;

public sealed class LogbookArea : Area
{
    /// <summary>Vandaag and session logbooks; volunteers only for the sessions they host (checked on the page).</summary>
    public const string Logbook = "Logbook";

    public override IEnumerable<AreaPolicy> Policies => [AreaPolicy.ForRoles(Logbook, Roles.Coordinator, Roles.Wijkverbinder, Roles.Volunteer)];

    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Logbook", Logbook);
        pages.AddFolderApplicationModelConvention("/Logbook", m => m.Filters.Add(new AuditNotFoundRecords("Session")));
    }

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CheckIns>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, LiveCheckIn.Selector>());
    }

    /// <summary>The live check-in (issue 14): same address and policy as the session page, answered without the page.</summary>
    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => LiveCheckIn.Map(endpoints);

    public override IEnumerable<MenuEntry> Menu => [new("Vandaag", "/Logbook/Today", Logbook, 10)];
}
