using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.MunicipalView;

/// <summary>The municipal view: the analyst of a municipality sees the impact figures of all its enterprises, per
/// enterprise, wijk and buurt, with small numbers hidden (docs/decisions/0016). Never a person or a row.</summary>
public sealed class MunicipalViewArea : Area
{
    /// <summary>Carries the claim naming the analyst's municipality; holds no role in any enterprise.</summary>
    public const string MunicipalityAnalyst = "MunicipalityAnalyst";

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<MunicipalCubeLoader>();
        builder.Services.AddSingleton<CubePublisher>();
    }

    public override IEnumerable<AreaPolicy> Policies =>
        [AreaPolicy.ForClaimWithAnyValue(MunicipalityAnalyst, WijkbasisClaims.MunicipalityAnalyst)];

    public override void ConfigurePages(PageConventionCollection pages) => pages.AuthorizeFolder("/MunicipalView", MunicipalityAnalyst);

    public override IEnumerable<MenuEntry> Menu => [new("Gemeente", "/MunicipalView/Index", MunicipalityAnalyst, 880)];
}
