using Microsoft.AspNetCore.Authorization;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Localization;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features;

/// <summary>Razor Pages under Features/, put together from the areas' declarations (<see cref="Areas.All"/>): their
/// services, policies and page conventions. Nothing of one area is written here.</summary>
public static class Pages
{
    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.ConfigureFilter(new RejectUnhandledMethods());
                foreach (var area in Areas.All)
                {
                    area.ConfigurePages(o.Conventions);
                }
            })
            .AddMvcOptions(o =>
            {
                BindingMessages.UseDutch(o.ModelBindingMessageProvider);
                o.ModelBinderProviders.Insert(0, new StrictBinderProvider(o.ModelBinderProviders));
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "wijkbasis.af");
        builder.Services.AddSingleton<Microsoft.AspNetCore.Mvc.Routing.IUrlHelperFactory, TenantUrlHelperFactory>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddAuthorization(o =>
        {
            foreach (var policy in Areas.Policies.Values)
            {
                o.AddPolicy(policy.Name, Build(policy));
            }
        });
        foreach (var area in Areas.All)
        {
            area.AddServices(builder);
        }
        return builder;
    }

    private static AuthorizationPolicy Build(AreaPolicy policy)
    {
        var builder = new AuthorizationPolicyBuilder().RequireAuthenticatedUser();
        if (policy.Claim is not null)
        {
            if (policy.ClaimValue is null)
            {
                builder.RequireClaim(policy.Claim);
            }
            else
            {
                builder.RequireClaim(policy.Claim, policy.ClaimValue);
            }
        }
        if (policy.Roles.Count > 0)
        {
            builder.AddRequirements(new TenantRoleRequirement([.. policy.Roles]));
        }
        return builder.Build();
    }

    public static void MapPages(this WebApplication app)
    {
        app.MapRazorPages();
        foreach (var area in Areas.All)
        {
            area.MapEndpoints(app);
        }
    }
}
