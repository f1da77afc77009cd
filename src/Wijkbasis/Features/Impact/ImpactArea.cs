using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Wijkbasis.Features.Impact;

/// <summary>The impact monitor's engine: the indicator registry and the calculator. Its pages live in the areas
/// that show figures (Features/Report for an enterprise, Features/Municipality for the analyst).</summary>
public sealed class ImpactArea : Area
{
    public override void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<ImpactCalculator>();

    public override void ConfigurePages(PageConventionCollection pages)
    {
    }
}
