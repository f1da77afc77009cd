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
