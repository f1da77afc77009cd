using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Data;
using Wijkbasis.Features.Demo;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Tests.Features.Demo;

/// <summary>The city profile at a thousandth of its size (200 persons, about 5,000 check-ins, still 60 enterprises and
/// three years of sessions), written by the bulk writer on both databases.</summary>
public sealed class DemoCityTests(DemoCityTests.TinyCity app) : IClassFixture<DemoCityTests.TinyCity>
{
    public const double Scale = 0.001;

    public sealed class TinyCity : WijkbasisFactory
    {
        public override bool Seed => false;
        public override bool RequireTwoFactor => false;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var scope = Services.CreateAsyncScope();
            var city = scope.ServiceProvider.GetRequiredService<DemoCity>();
            Assert.True(await city.SeedIfEmptyAsync(new DemoOptions { Profile = "city", Scale = Scale, Password = Password }));
        }
    }

    private static string Biggest => DemoCity.Slugs[0];

    private Task<long> CountAsync(string sql) => app.InDbAsync(null, db => db.Database.SqlQueryRaw<long>(sql).SingleAsync());

    [Fact]
    public async Task TheTinyCityHasSixtyEnterprisesInOneMunicipalityWithPersonsCheckInsAndTheRestInProportion()
    {
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) AS \"Value\" FROM \"Municipalities\""));
        Assert.Equal(DemoCity.EnterpriseCount, await CountAsync("SELECT COUNT(*) AS \"Value\" FROM \"Enterprises\""));
        Assert.Equal(80, await CountAsync("SELECT COUNT(DISTINCT \"BuurtCode\") AS \"Value\" FROM \"PostcodeAreas\""));
        Assert.Equal(10, await CountAsync("SELECT COUNT(DISTINCT \"WijkCode\") AS \"Value\" FROM \"PostcodeAreas\""));
        Assert.InRange(await CountAsync("SELECT COUNT(*) AS \"Value\" FROM \"People\""), 200, 260);
        Assert.InRange(await CountAsync("SELECT COUNT(*) AS \"Value\" FROM \"CheckIns\""), 3_000, 6_000);
        foreach (var table in new[] { "Consents", "Activities", "Sessions", "HeadCounts", "LogEntries", "Volunteers", "VolunteerHours",
                     "Buddies", "Intakes", "Cases", "CaseContacts", "BudgetPots", "LedgerEntries", "Matches", "TimeCreditTransfers",
                     "Rooms", "RoomBookings", "MoneyLines" })
        {
            Assert.True(await CountAsync($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"") > 0, table);
        }
        // Three years of history, ending today, and sessions planned ahead.
        var (first, last) = await app.InDbAsync(Biggest, async db => (await db.Sessions.MinAsync(s => s.OccurrenceDate), await db.Sessions.MaxAsync(s => s.OccurrenceDate)));
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        Assert.InRange(first, today.AddYears(-3).AddDays(-2), today.AddYears(-3).AddDays(60));
        Assert.True(last > today.AddDays(100), $"last session {last}");
        var statuses = await CountAsync("SELECT COUNT(DISTINCT \"Status\") AS \"Value\" FROM \"Matches\"");
        Assert.True(statuses >= 4, $"{statuses} match statuses");
    }

    [Fact]
    public async Task EveryRowBelongsToOneOfTheSixtyEnterprisesAndEveryPersonsBuurtExists()
    {
        var tables = app.Services.CreateScope().ServiceProvider.GetRequiredService<WijkbasisDb>().Model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)).Select(t => t.GetTableName()!).Distinct().ToList();
        Assert.True(tables.Count > 30);
        foreach (var table in tables)
        {
            Assert.Equal(0, await CountAsync($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\" WHERE \"TenantId\" NOT IN (SELECT \"Id\" FROM \"Enterprises\")"));
        }
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) AS \"Value\" FROM \"People\" WHERE \"BuurtCode\" IS NOT NULL AND \"BuurtCode\" NOT IN (SELECT \"BuurtCode\" FROM \"PostcodeAreas\")"));
        Assert.True(await CountAsync("SELECT COUNT(*) AS \"Value\" FROM \"People\" WHERE \"BuurtCode\" IS NOT NULL") > 150);
        // Inside an enterprise, the tenant filter sees its own persons only.
        var own = await app.InDbAsync(Biggest, db => db.People.CountAsync());
        Assert.InRange(own, 3, 40);
    }

    [Fact]
    public async Task TheAuditChainStillVerifiesAfterTheBulkLoad()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
        var result = await AuditChain.VerifyAsync(db, Convert.FromBase64String(WijkbasisFactory.ChainKey), TimeProvider.System.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(2));
        Assert.True(result.Intact, result.Reason);
    }

    [Fact]
    public async Task TheSealedZrmScoresOpenWithTheAppsKey()
    {
        var opened = await app.InDbAsync(Biggest, [Roles.Caseworker], async db =>
        {
            var cipher = app.Services.GetRequiredService<Wijkbasis.Infrastructure.Secrets.FieldCipher>();
            var intake = await db.Intakes.FirstAsync(i => i.Zrm != null);
            return Wijkbasis.Features.Intakes.ZrmScores.FromJson(cipher.Open(intake.Zrm, intake, nameof(intake.Zrm))).Count;
        });
        Assert.True(opened > 0);
    }

    [Fact]
    public async Task TheMainPagesOpenForTheCoordinatorOfTheBiggestEnterprise()
    {
        var client = await HtmlClient.LoggedInAsync(app, $"coordinator@{Biggest}.demo");
        var session = await app.InDbAsync(Biggest, db => db.Sessions.Where(s => db.CheckIns.Any(c => c.SessionId == s.Id))
            .OrderByDescending(s => s.StartsAt).Select(s => s.Id).FirstAsync());
        foreach (var path in new[] { "vandaag", $"sessies/{session}", "mensen?q=an", "activiteiten", "buddies", "ruimtes", "geldstromen",
                     "tijdbank", "vrijwilligers", "uren/overzicht", "vrager-drager" })
        {
            var response = await client.Http.GetAsync($"/{Biggest}/{path}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
        var caseworker = await HtmlClient.LoggedInAsync(app, $"casusregisseur@{Biggest}.demo");
        Assert.Equal(HttpStatusCode.OK, (await caseworker.Http.GetAsync($"/{Biggest}/casussen")).StatusCode);
    }
}

/// <summary>Two loads with the same seed on the same day give the same figures.</summary>
public sealed class DemoCityDeterminismTests
{
    [Fact]
    public async Task TheSameSeedGivesTheSameCity()
    {
        async Task<string> FiguresAsync()
        {
            await using var app = new DemoCityTests.TinyCity();
            await app.InitializeAsync();
            return await app.InDbAsync(null, async db => string.Join(",", new[]
            {
                await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM \"People\"").SingleAsync(),
                await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM \"CheckIns\"").SingleAsync(),
                await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM \"Sessions\"").SingleAsync(),
                await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM \"Cases\"").SingleAsync(),
                await db.Database.SqlQueryRaw<long>("SELECT CAST(COALESCE(SUM(\"AmountCents\"), 0) AS BIGINT) AS \"Value\" FROM \"MoneyLines\"").SingleAsync(),
            }));
        }
        Assert.Equal(await FiguresAsync(), await FiguresAsync());
    }
}
