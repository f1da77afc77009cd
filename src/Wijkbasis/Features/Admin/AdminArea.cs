using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Admin;

/// <summary>Platform administration: municipalities, enterprises, postcodes, the audit chain check. No personal data.</summary>
public sealed class AdminArea : Area
{
    public const string PlatformAdmin = "PlatformAdmin";

    public override IEnumerable<AreaPolicy> Policies => [AreaPolicy.ForClaim(PlatformAdmin, WijkbasisClaims.PlatformAdmin)];

    public override void ConfigurePages(PageConventionCollection pages) => pages.AuthorizeFolder("/Admin", PlatformAdmin);

    public override IEnumerable<MenuEntry> Menu => [new("Beheer", "/Admin/Index", PlatformAdmin, 900)];
}
