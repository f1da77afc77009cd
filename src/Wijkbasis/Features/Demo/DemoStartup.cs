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
        var demo = scope.ServiceProvider.GetRequiredService<DemoNeighbourhood>();
        log.LogInformation("Demo: checking whether the demo neighbourhood is needed");
        if (await demo.SeedIfEmptyAsync(options))
        {
            log.LogInformation("Demo: neighbourhood seeded");
        }
        Console.WriteLine();
        Console.WriteLine($"Demo logins (password '{options.Password}'):");
        foreach (var user in DemoNeighbourhood.Users)
        {
            var enterprise = user.Enterprise is { } i ? DemoNeighbourhood.Enterprises[i].Slug : "";
            Console.WriteLine($"  {user.Email,-38} {user.Role,-20} {enterprise}");
        }
        Console.WriteLine();
    }
}
