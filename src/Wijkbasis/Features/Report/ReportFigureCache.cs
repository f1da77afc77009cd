using System.Collections.Concurrent;
using Wijkbasis.Features.Impact;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Report;

/// <summary>Keeps each enterprise's computed report figures per period, so opening the report, switching tabs and
/// downloading it do not compute a large enterprise's year again each time (docs/decisions/0019). Kept figures are
/// current while the enterprise saved nothing since (<see cref="TenantWrites"/>) and for at most
/// <see cref="Lifetime"/>. When they are not, they are computed again and the page waits for that a moment
/// (<c>Impact:ReportWaitSeconds</c>, 2 by default); a computation that takes longer goes on in the background and
/// the page shows the kept figures with the time they were computed.</summary>
public sealed class ReportFigureCache(IServiceScopeFactory scopes, TenantWrites writes, TimeProvider time,
    IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<ReportFigureCache> log)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Figures as served: when they were computed, and whether newer ones are being computed.</summary>
    public sealed record Served(IReadOnlyList<ReportSection> Sections, DateTime ComputedAt, bool Updating);

    private sealed record Kept(IReadOnlyList<ReportSection> Sections, DateTime ComputedAt, long Writes);

    private readonly ConcurrentDictionary<(Guid, string), Kept> kept = new();
    private readonly ConcurrentDictionary<(Guid, string), Lazy<Task<Kept>>> jobs = new();

    public TimeSpan Wait { get; } = TimeSpan.FromSeconds(configuration.GetValue("Impact:ReportWaitSeconds", 2.0));

    public async Task<Served> GetAsync(TenantContext tenant, ImpactPeriod period, CancellationToken ct)
    {
        var key = (tenant.TenantId, period.Key);
        if (kept.TryGetValue(key, out var held) && held.Writes == writes.Count(tenant.TenantId) && time.UtcNow() - held.ComputedAt < Lifetime)
        {
            return new Served(held.Sections, held.ComputedAt, false);
        }
        var job = Start(tenant, period);
        if (held is null || await Task.WhenAny(job, Task.Delay(Wait, ct)) == job)
        {
            var done = await job.WaitAsync(ct);
            return new Served(done.Sections, done.ComputedAt, false);
        }
        return new Served(held.Sections, held.ComputedAt, true);
    }

    private Task<Kept> Start(TenantContext tenant, ImpactPeriod period)
    {
        var key = (tenant.TenantId, period.Key);
        var enterprise = tenant.Enterprise;
        var roles = tenant.Roles.ToList();
        return jobs.GetOrAdd(key, _ => new Lazy<Task<Kept>>(() => Task.Run(() => ComputeAsync(key, enterprise, roles, period)))).Value;
    }

    private async Task<Kept> ComputeAsync((Guid, string) key, EnterpriseRef enterprise, List<string> roles, ImpactPeriod period)
    {
        try
        {
            // The count before computing: a save that lands while the figures are computed makes them old at once.
            var before = writes.Count(enterprise.Id);
            var started = time.UtcNow();
            await using var scope = scopes.AsTenant(enterprise, roles, "rapportage");
            var sections = await scope.ServiceProvider.GetRequiredService<ReportBuilder>().FiguresAsync(period, lifetime.ApplicationStopping);
            var done = new Kept(sections, started, before);
            kept[key] = done;
            return done;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Computing the report figures of {Enterprise} for {Period} failed", enterprise.Slug, period.Key);
            throw;
        }
        finally
        {
            jobs.TryRemove(key, out _);
        }
    }
}
