using Microsoft.EntityFrameworkCore;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Tests.Features.Demo;

public sealed class DemoNeighbourhoodTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Fact]
    public async Task TheDemoHasThreeEnterprisesAUserForEveryRoleAndTheRequestedNumberOfPeople()
    {
        var slugs = await app.InDbAsync(null, db => db.Enterprises.OrderBy(e => e.Slug).Select(e => e.Slug).ToListAsync());
        Assert.Equal(["groene-spijker", "huiskamer", "jongeren-malburgen"], slugs);
        var roles = await app.InDbAsync("huiskamer", db => db.Memberships.Select(m => m.Role).Distinct().ToListAsync());
        Assert.Equal(Roles.EnterpriseRoles.Order(), roles.Order());
        Assert.True(await app.InDbAsync(null, db => db.Users.AnyAsync(u => u.IsPlatformAdmin)));
        Assert.True(await app.InDbAsync(null, db => db.Users.AnyAsync(u => u.AnalystMunicipalityId != null)));
        var counts = new List<int>();
        foreach (var slug in slugs)
        {
            counts.Add(await app.InDbAsync(slug, db => db.People.CountAsync()));
        }
        Assert.Equal(app.People, counts.Sum());
    }

    [Fact]
    public async Task EveryPostcodeHasTheDutchFormat()
    {
        var postcodes = await app.InDbAsync("huiskamer", db => db.People.Where(p => p.Postcode != null).Select(p => p.Postcode!).ToListAsync());
        Assert.NotEmpty(postcodes);
        Assert.All(postcodes, p => Assert.Matches("^[1-9][0-9]{3} [A-Z]{2}$", p));
    }

    [Fact]
    public async Task TheSameSeedGivesTheSamePeople()
    {
        await using var again = new WijkbasisFactory();
        await again.InitializeAsync();
        static Task<List<string>> Names(WijkbasisFactory f) =>
            f.InDbAsync("huiskamer", db => db.People.Select(p => p.Name + "|" + p.BirthYear + "|" + p.Postcode).ToListAsync());
        Assert.Equal((await Names(app)).Order(), (await Names(again)).Order());
    }
}

public sealed class DemoLogbookTests(DemoLogbookTests.TwoMonths app) : IClassFixture<DemoLogbookTests.TwoMonths>
{
    public sealed class TwoMonths : WijkbasisFactory
    {
        public override int People => 300;
        public override int LogbookMonths => 2;
    }

    [Fact]
    public async Task EveryDemoEnterpriseHasActivitiesWithALivedInLogbook()
    {
        foreach (var slug in new[] { "huiskamer", "groene-spijker", "jongeren-malburgen" })
        {
            var (activities, past, checkIns, counts) = await app.InDbAsync(slug, async db => (
                await db.Activities.CountAsync(),
                await db.Sessions.CountAsync(s => s.EndsAt < TimeProvider.System.GetUtcNow().UtcDateTime && s.CancelledAt == null),
                await db.CheckIns.CountAsync(),
                await db.HeadCounts.CountAsync()));
            Assert.True(activities >= 2, slug);
            Assert.True(past > 0, slug);
            Assert.True(checkIns > past, $"{slug}: {checkIns} check-ins for {past} sessions");
            Assert.True(counts > 0, slug);
        }
    }

    [Fact]
    public async Task TheCoffeeMorningHasAboutTwentyRegulars()
    {
        var perSession = await app.InDbAsync("huiskamer", db => db.Sessions
            .Where(s => s.Activity!.Name == "KoffieKaffee" && s.CancelledAt == null && s.EndsAt < TimeProvider.System.GetUtcNow().UtcDateTime)
            .Select(s => db.CheckIns.Count(c => c.SessionId == s.Id)).ToListAsync());
        Assert.NotEmpty(perSession);
        Assert.InRange(perSession.Average(), 12, 24);
    }

    [Fact]
    public async Task OlderLogbooksAreClosedAndTheVolunteerHostsTheCoffeeMorning()
    {
        var open = await app.InDbAsync("huiskamer", db => db.Sessions.CountAsync(s => s.ClosedAt == null && s.CancelledAt == null
            && s.EndsAt < TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-4)));
        Assert.Equal(0, open);
        var host = await app.InDbAsync("huiskamer", db => db.Activities.Where(a => a.Name == "KoffieKaffee")
            .Select(a => db.Users.Where(u => u.Id == a.HostUserId).Select(u => u.Email).Single()).SingleAsync());
        Assert.Equal("vrijwilliger@huiskamer.demo", host);
    }
}

/// <summary>The buddy programme of the demo, as <c>./run</c> seeds it (the default number of people).</summary>
public sealed class DemoBuddyProgrammeTests(DemoBuddyProgrammeTests.AsRun app) : IClassFixture<DemoBuddyProgrammeTests.AsRun>
{
    public sealed class AsRun : WijkbasisFactory
    {
        public override int People => new Wijkbasis.Features.Demo.DemoOptions().People;
    }

    [Fact]
    public async Task TheDemoBuddyProgrammeHasOutreachRoundsAboutSixtyIntakesThirtyCasesAndAPotThatIsUsed()
    {
        var (rounds, intakes, cases, pots) = await app.InDbAsync("huiskamer", [Roles.Caseworker], async db => (
            await db.Campaigns.Select(c => db.OutreachVisits.Count(v => v.CampaignId == c.Id)).ToListAsync(),
            await db.Intakes.CountAsync(),
            await db.Cases.CountAsync(),
            await db.BudgetPots.Select(p => new
            {
                Contributions = db.LedgerEntries.Count(e => e.PotId == p.Id && e.Kind == Wijkbasis.Features.Budget.LedgerKind.Contribution),
                Spends = db.LedgerEntries.Count(e => e.PotId == p.Id && e.Kind == Wijkbasis.Features.Budget.LedgerKind.Spend),
            }).ToListAsync()));

        Assert.True(rounds.Count(visits => visits > 0) >= 2, $"rounds with visits: {string.Join(", ", rounds)}");
        Assert.InRange(intakes, 50, 70);
        Assert.True(cases >= 30, $"{cases} cases");
        Assert.Contains(pots, p => p.Contributions > 0 && p.Spends > 0);
    }
}

/// <summary>The volunteers of the demo, as <c>./run</c> seeds them (the default number of people).</summary>
public sealed class DemoVolunteersTests(DemoBuddyProgrammeTests.AsRun app) : IClassFixture<DemoBuddyProgrammeTests.AsRun>
{
    [Fact]
    public async Task TheDemoHasAboutTwentyFiveVolunteersWithAYearOfHoursSignUpsAndVogsToWatch()
    {
        var today = TimeProvider.System.GetUtcNow().UtcDateTime;
        var (volunteers, linked, hours, firstHours, signups, soon, contributions, withPoints) = await app.InDbAsync("huiskamer", async db => (
            await db.Volunteers.CountAsync(),
            await db.Volunteers.CountAsync(v => v.UserId != null),
            await db.VolunteerHours.CountAsync(),
            await db.VolunteerHours.MinAsync(h => h.WorkedOn),
            await db.ShiftSignups.CountAsync(s => db.Sessions.Any(x => x.Id == s.SessionId && x.StartsAt > today)),
            await db.Volunteers.CountAsync(v => v.VogExpiresOn != null && v.VogExpiresOn < DateOnly.FromDateTime(today).AddDays(60)),
            await db.Contributions.CountAsync(),
            await db.Contributions.CountAsync(c => c.TransferId != null)));
        Assert.Equal(25, volunteers);
        Assert.Equal(1, linked);
        Assert.True(hours > 500, $"{hours} hours entries");
        Assert.True(firstHours < DateOnly.FromDateTime(today).AddMonths(-10), $"first hours {firstHours}");
        Assert.True(signups > 0);
        Assert.InRange(soon, 2, 6);
        Assert.True(contributions > 20, $"{contributions} contributions");
        Assert.True(withPoints > 0);
    }

    [Fact]
    public async Task TheRegisterShowsFormerVragersWhoNowGiveWithTheirDates()
    {
        var client = await HtmlClient.LoggedInAsync(app, "coordinator@huiskamer.demo");
        var page = await client.GetPageAsync("/huiskamer/vrager-drager");
        Assert.True(page.QuerySelectorAll("#register tbody tr").Length >= 10);
        var vog = await client.GetPageAsync("/huiskamer/vrijwilligers/vog");
        Assert.True(vog.QuerySelectorAll("#vog-lijst tbody tr").Length >= 3);
    }
}
