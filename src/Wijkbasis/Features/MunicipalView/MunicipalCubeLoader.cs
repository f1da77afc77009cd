using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.MunicipalView;

/// <summary>A year cube as the analyst gets it: the cube (null while it is being computed for the first time), when it
/// was computed, and whether a newer computation is running.</summary>
public sealed record CubeLoad(MunicipalCube? Cube, DateTime? ComputedAt, bool Computing)
{
    public MunicipalCube Ready => Cube ?? throw new InvalidOperationException("The cube is still being computed.");
}

/// <summary>Serves a municipality's published year cube (docs/decisions/0019): from memory, else from
/// <see cref="PublishedCube"/>, else it has <see cref="CubePublisher"/> compute it and waits a little. The figures of
/// the current and the previous year are computed again once a day, in the background, when someone looks; older
/// years keep the figures computed after they were over.</summary>
public sealed class MunicipalCubeLoader(WijkbasisDb db, ImpactCalculator calculator, CubePublisher publisher, TimeProvider time)
{
    /// <summary>The municipality named by the analyst's claim; null for anyone else.</summary>
    public static Guid? MunicipalityOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(WijkbasisClaims.MunicipalityAnalyst), out var id) ? id : null;

    public async Task<CubeLoad> LoadAsync(Guid municipalityId, int year, CancellationToken cancellationToken)
    {
        var published = publisher.Remembered(municipalityId, year);
        if (published is null)
        {
            var stored = await db.PublishedCubes.AsNoTracking()
                .Where(c => c.MunicipalityId == municipalityId && c.Year == year && c.Format == MunicipalCube.StoredFormat)
                .Select(c => new { c.ComputedAt, c.Payload }).SingleOrDefaultAsync(cancellationToken);
            if (stored is not null && MunicipalCube.FromStored(stored.Payload) is { } cube)
            {
                published = publisher.Remember(municipalityId, year, cube, stored.ComputedAt);
            }
        }
        if (published is not null)
        {
            if (IsOutdated(published.ComputedAt, year))
            {
                _ = publisher.Start(municipalityId, year);
            }
            return new CubeLoad(published.Cube, published.ComputedAt, publisher.IsComputing(municipalityId, year));
        }
        var job = publisher.Start(municipalityId, year);
        if (await Task.WhenAny(job, Task.Delay(publisher.Wait, cancellationToken)) == job)
        {
            var done = await job;
            return new CubeLoad(done.Cube, done.ComputedAt, false);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return new CubeLoad(null, null, true);
    }

    /// <summary>A cube of this or last year computed before today, or of an older year computed before that year's
    /// figures could no longer change (before 1 January two years on), is computed again.</summary>
    public bool IsOutdated(DateTime computedAt, int year)
    {
        var today = time.AmsterdamToday();
        var computedOn = DateOnly.FromDateTime(computedAt.ToAmsterdam());
        return year >= today.Year - 1 ? computedOn < today : computedOn < new DateOnly(year + 2, 1, 1);
    }

    /// <summary>Computes and suppresses the cube, without storing it (what the publisher runs; the W2 bench times it).</summary>
    public async Task<MunicipalCube> BuildAsync(Guid municipalityId, int year, CancellationToken cancellationToken)
    {
        var (geography, rows) = await ComputeAsync(municipalityId, year, IndicatorRegistry.All, cancellationToken);
        return MunicipalCube.Build(year, geography, rows);
    }

    /// <summary>Stores the cube as the published one of its municipality and year (the newest computation wins).</summary>
    public async Task StoreAsync(Guid municipalityId, MunicipalCube cube, DateTime computedAt, CancellationToken cancellationToken)
    {
        var payload = cube.ToStored();
        var row = await db.PublishedCubes.SingleOrDefaultAsync(c => c.MunicipalityId == municipalityId && c.Year == cube.Year, cancellationToken);
        if (row is null)
        {
            db.PublishedCubes.Add(new PublishedCube
            {
                MunicipalityId = municipalityId, Year = cube.Year, ComputedAt = computedAt, Format = MunicipalCube.StoredFormat, Payload = payload,
            });
        }
        else if (row.ComputedAt <= computedAt)
        {
            row.ComputedAt = computedAt;
            row.Format = MunicipalCube.StoredFormat;
            row.Payload = payload;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (row is null)
        {
            // Another instance stored this year's cube at the same moment: theirs is as new as ours.
        }
    }

    /// <summary>The cube's input: the municipality's enterprises and buurten, and per indicator its rows for the 17
    /// times (the year, its quarters, its months), unsuppressed.</summary>
    public async Task<(CubeGeography Geography, Dictionary<Indicator, IReadOnlyList<FigureRow>[]> Rows)> ComputeAsync(
        Guid municipalityId, int year, IReadOnlyList<Indicator> indicators, CancellationToken cancellationToken)
    {
        var code = await db.Municipalities.Where(m => m.Id == municipalityId).Select(m => m.Code).SingleAsync(cancellationToken);
        var enterprises = await db.Enterprises.Where(e => e.MunicipalityId == municipalityId)
            .Select(e => new { e.Id, e.Slug, e.Name }).ToListAsync(cancellationToken);
        var buurten = await db.PostcodeAreas.Where(p => p.GemeenteCode == code)
            .Select(p => new { p.BuurtCode, p.BuurtName, p.WijkCode, p.WijkName }).Distinct().ToListAsync(cancellationToken);
        var geography = new CubeGeography(
            [.. enterprises.Select(e => (e.Id, e.Slug, e.Name))],
            [.. buurten.GroupBy(b => b.BuurtCode).Select(g => g.First()).Select(b => (b.BuurtCode, b.BuurtName, b.WijkCode, b.WijkName))]);

        var scope = ImpactScope.Municipality([.. enterprises.Select(e => e.Id)]);
        var rows = await calculator.ComputeYearAsync(scope, year, indicators, cancellationToken);
        return (geography, rows);
    }
}

/// <summary>Computes municipal cubes in the background, one computation per municipality and year at a time, stores
/// each as the published one and keeps the newest in memory. A computation outlives the request that started it (a
/// city takes most of a minute); it stops when the app stops.</summary>
public sealed class CubePublisher(IServiceScopeFactory scopes, TimeProvider time,
    IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<CubePublisher> log)
{
    /// <summary>How long the memory keeps a cube read from the database before reading it again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public sealed record Published(MunicipalCube Cube, DateTime ComputedAt);

    private readonly ConcurrentDictionary<(Guid, int), Lazy<Task<Published>>> jobs = new();
    private readonly ConcurrentDictionary<(Guid, int), (Published Cube, DateTime Until)> memory = new();

    /// <summary>How long a page waits for a first computation before it says the figures are being computed
    /// (setting <c>Impact:CubeWaitSeconds</c>, 5 by default).</summary>
    public TimeSpan Wait { get; } = TimeSpan.FromSeconds(configuration.GetValue("Impact:CubeWaitSeconds", 5.0));

    /// <summary>The cube held in memory, unless it was put there more than <see cref="Lifetime"/> ago (another
    /// instance of the app may have published a newer one since).</summary>
    public Published? Remembered(Guid municipalityId, int year) =>
        memory.TryGetValue((municipalityId, year), out var held) && held.Until > time.UtcNow() ? held.Cube : null;

    public Published Remember(Guid municipalityId, int year, MunicipalCube cube, DateTime computedAt)
    {
        var published = new Published(cube, computedAt);
        memory[(municipalityId, year)] = (published, time.UtcNow() + Lifetime);
        return published;
    }

    public bool IsComputing(Guid municipalityId, int year) => jobs.ContainsKey((municipalityId, year));

    /// <summary>Starts computing the cube, or joins the computation already running for it.</summary>
    public Task<Published> Start(Guid municipalityId, int year)
    {
        var key = (municipalityId, year);
        var job = jobs.GetOrAdd(key, k => new Lazy<Task<Published>>(() => Task.Run(() => RunAsync(k))));
        return job.Value;
    }

    private async Task<Published> RunAsync((Guid Municipality, int Year) key)
    {
        try
        {
            // To the microsecond, as PostgreSQL keeps it: the cube in memory and the stored one name the same moment.
            var now = time.UtcNow();
            var started = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
            await using var scope = scopes.CreateAsyncScope();
            var loader = scope.ServiceProvider.GetRequiredService<MunicipalCubeLoader>();
            var cube = await loader.BuildAsync(key.Municipality, key.Year, lifetime.ApplicationStopping);
            cube.ForgetHidden();
            await loader.StoreAsync(key.Municipality, cube, started, lifetime.ApplicationStopping);
            log.LogInformation("Published the {Year} cube of municipality {Municipality} in {Seconds:F1} s",
                key.Year, key.Municipality, (time.UtcNow() - started).TotalSeconds);
            return Remember(key.Municipality, key.Year, cube, started);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Computing the {Year} cube of municipality {Municipality} failed", key.Year, key.Municipality);
            throw;
        }
        finally
        {
            jobs.TryRemove(key, out _);
        }
    }

    /// <summary>Forgets every published cube, in memory and in the database (the CBS inhabitants changed: every share
    /// of them must be computed again).</summary>
    public async Task ForgetAllAsync(WijkbasisDb db, CancellationToken cancellationToken)
    {
        await db.PublishedCubes.ExecuteDeleteAsync(cancellationToken);
        memory.Clear();
    }
}
