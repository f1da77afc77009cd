namespace Wijkbasis.Features.Demo;

public static class DemoStartup
{
    public static WebApplicationBuilder AddDemoNeighbourhood(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection("Demo"));
        builder.Services.AddScoped<DemoNeighbourhood>();
        builder.Services.AddScoped<DemoLogbook>();
        builder.Services.AddScoped<DemoBuddyProgramme>();
        builder.Services.AddScoped<DemoTalents>();
        builder.Services.AddScoped<DemoMoneyAndTimeCredits>();
        builder.Services.AddScoped<DemoRooms>();
        builder.Services.AddScoped<DemoVolunteers>();
        builder.Services.AddScoped<DemoCity>();
        builder.Services.AddScoped<DemoPartners>();
        return builder;
    }

    /// <summary>Seeds the demo neighbourhood when Demo:Seed is on and the database has no enterprise yet,
    /// so a second start keeps the data; prints the demo logins.</summary>
    public static async Task SeedDemoNeighbourhoodAsync(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Wijkbasis.Startup");
        await using var scope = app.Services.CreateAsyncScope();
        var options = app.Configuration.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions();
        if (!options.Seed)
        {
            return;
        }
        if (options.IsCity)
        {
            log.LogInformation("Demo: checking whether the city profile is needed (scale {Scale})", options.Scale);
            if (await scope.ServiceProvider.GetRequiredService<DemoCity>().SeedIfEmptyAsync(options))
            {
                log.LogInformation("Demo: city seeded");
            }
            PrintLogins(options, DemoCity.PrintedUsers(DemoCity.Slugs), DemoCity.Slugs);
            Console.WriteLine($"  (every one of the {DemoCity.EnterpriseCount} enterprises has coordinator@<slug>.demo and vrijwilliger@<slug>.demo)");
            return;
        }
        var demo = scope.ServiceProvider.GetRequiredService<DemoNeighbourhood>();
        log.LogInformation("Demo: checking whether the demo neighbourhood is needed");
        if (await demo.SeedIfEmptyAsync(options))
        {
            log.LogInformation("Demo: neighbourhood seeded");
        }
        else
        {
            await demo.KeepTodayOpenAsync();
        }
        PrintLogins(options, DemoNeighbourhood.Users, DemoNeighbourhood.Enterprises.Select(e => e.Slug).ToList());
    }

    private static void PrintLogins(DemoOptions options, IEnumerable<DemoUser> users, IReadOnlyList<string> slugs)
    {
        Console.WriteLine();
        Console.WriteLine($"Demo logins (password '{options.Password}'):");
        foreach (var user in users)
        {
            var enterprise = user.Enterprise is { } i ? slugs[i] : "";
            Console.WriteLine($"  {user.Email,-38} {user.Role,-20} {enterprise}");
        }
        Console.WriteLine();
    }
}
