using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.TimeCredits;

public sealed class TimeCreditsArea : Area
{
    /// <summary>The time bank: accounts and transfers (its settings: the coordinator, checked on the page).</summary>
    public const string TimeCredits = "TimeCredits";

    public override void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<TimeCreditBookings>();

    public override IEnumerable<AreaPolicy> Policies => [AreaPolicy.ForRoles(TimeCredits, Roles.Coordinator, Roles.Wijkverbinder)];

    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/TimeCredits", TimeCredits);
        pages.AddFolderApplicationModelConvention("/TimeCredits", m => m.Filters.Add(new AuditNotFoundRecords("TimeCreditAccount")));
    }

    public override IEnumerable<MenuEntry> Menu => [new("Tijdbank", "/TimeCredits/Index", TimeCredits, 150)];
}
