using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.AssetMap;

/// <summary>The ABCD asset map (docs/decisions/0027): what the neighbourhood already has, as a searchable list and a map,
/// and a printed list for a wijkverbinder's round. Everyone who works in the neighbourhood may look; coordinators and
/// wijkverbinders keep it.</summary>
public sealed class AssetMapArea : Area
{
    public const string AssetMapView = "AssetMapView";
    public const string AssetMapEdit = "AssetMapEdit";

    public override void AddServices(WebApplicationBuilder builder) =>
        builder.Services.Configure<AssetMapOptions>(builder.Configuration.GetSection("AssetMap"));

    public override IEnumerable<AreaPolicy> Policies =>
    [
        AreaPolicy.ForRoles(AssetMapView, Roles.Coordinator, Roles.Wijkverbinder, Roles.Volunteer, Roles.Buddy),
        AreaPolicy.ForRoles(AssetMapEdit, Roles.Coordinator, Roles.Wijkverbinder),
    ];

    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/AssetMap", AssetMapView);
        pages.AddFolderApplicationModelConvention("/AssetMap", m => m.Filters.Add(new AuditNotFoundRecords(nameof(Asset))));
        pages.AuthorizePage("/AssetMap/Edit", AssetMapEdit);
        AddLinkableRoute(pages, "/AssetMap/Edit", "{enterprise}/buurtkaart/nieuw");
    }

    public override IEnumerable<MenuEntry> Menu => [new("Buurtkaart", "/AssetMap/Index", AssetMapView, 126)];
}
