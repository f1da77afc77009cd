using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.Retention;

/// <summary>Every few hours, purges the automatic kinds (<see cref="RetentionAction.Automatic"/>) of every enterprise
/// under its own terms, and mail files in the pickup folder older than <c>Retention:MailPickupDays</c>. Special-category
/// kinds wait for a coordinator's purge after the dry run (docs/decisions/0024).</summary>
public sealed class RetentionPurging(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<RetentionPurging> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not during start-up: the first round waits a little, so migrations, seeding and the first requests go first.
        await Task.Delay(TimeSpan.FromMinutes(10), time, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(4));
        do
        {
            try
            {
                await RunOnceAsync(scopes, stoppingToken);
                PurgeMailPickup(configuration, time, log);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or IOException)
            {
                log.LogWarning(e, "Retention round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: each enterprise in a scope of its own, acting as the system ("bewaartermijn").</summary>
    public static Task RunOnceAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken) =>
        scopes.ForEachEnterpriseAsync<RetentionPurging>(RetentionWork.Actor, async (services, enterprise, ct) =>
        {
            var done = await services.GetRequiredService<RetentionWork>().PurgeAutomaticAsync(ct);
            if (done.Values.Sum() > 0)
            {
                services.GetRequiredService<ILogger<RetentionPurging>>().LogInformation("Retention purge for {Enterprise}: {Done}",
                    enterprise.Slug, string.Join(", ", done.Where(d => d.Value > 0).Select(d => $"{d.Key} {d.Value}")));
            }
        }, cancellationToken);

    /// <summary>Mail written to the pickup folder (no SMTP server: the demo) holds invitation and reset links; after a
    /// week it is of no use and goes.</summary>
    public static int PurgeMailPickup(IConfiguration configuration, TimeProvider time, ILogger log)
    {
        var folder = configuration["Mail:PickupDirectory"] ?? "data/mail";
        var days = configuration.GetValue("Retention:MailPickupDays", 7);
        if (!Directory.Exists(folder))
        {
            return 0;
        }
        var cut = time.GetUtcNow().UtcDateTime.AddDays(-days);
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
        {
            if (File.GetLastWriteTimeUtc(file) < cut)
            {
                File.Delete(file);
                removed++;
            }
        }
        if (removed > 0)
        {
            log.LogInformation("Retention: removed {Count} mail files older than {Days} days from the pickup folder", removed, days);
        }
        return removed;
    }
}
