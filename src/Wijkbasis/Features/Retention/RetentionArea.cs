using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Retention;

/// <summary>Retention terms per kind of record, the dry run and the purge, and the background job that purges the
/// automatic kinds (docs/decisions/0024).</summary>
public sealed class RetentionArea : Area
{
    public const string ManageRetention = "ManageRetention";

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RetentionWork>();
        if (builder.Configuration.GetValue("Retention:PurgeInBackground", true))
        {
            builder.Services.AddHostedService<RetentionPurging>();
        }
    }

    public override IEnumerable<AreaPolicy> Policies => [AreaPolicy.ForRoles(ManageRetention, Roles.Coordinator)];

    public override void ConfigurePages(PageConventionCollection pages) => pages.AuthorizeFolder("/Retention", ManageRetention);
}
