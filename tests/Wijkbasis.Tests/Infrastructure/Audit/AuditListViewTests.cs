using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Infrastructure.Audit;

namespace Wijkbasis.Tests.Infrastructure.Audit;

/// <summary>A list view is one audit row naming everyone shown (docs/decisions/0018), sealed with the chain, and a
/// person's access view still lists it.</summary>
public sealed class AuditListViewTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string Coordinator = "coordinator@huiskamer.demo";

    private async Task<List<Guid>> PeopleAsync(string slug, int count) =>
        await app.InDbAsync(slug, db => db.People.OrderBy(p => p.Name).Select(p => p.Id).Take(count).ToListAsync());

    private Task<AuditEntry> RecordListViewAsync(string slug, List<Guid> people) =>
        app.InScopeAsync(slug, async services =>
        {
            var db = services.GetRequiredService<Wijkbasis.Data.WijkbasisDb>();
            var person = await db.People.SingleAsync(p => p.Id == people[0]);
            await services.GetRequiredService<AuditLog>().RecordViewAsync(person, people);
            return await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync();
        });

    [Fact]
    public async Task AViewShowingManyPeopleIsOneAuditRowThatNamesThemAll()
    {
        var people = await PeopleAsync("huiskamer", 25);
        var before = await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync());

        var row = await RecordListViewAsync("huiskamer", people);

        Assert.Equal(before + 1, await app.InDbAsync("huiskamer", db => db.AuditEntries.CountAsync()));
        Assert.Equal(people.Order(), row.PersonIds!);
        Assert.Null(row.PersonId);
        foreach (var person in people)
        {
            Assert.True(await app.InDbAsync("huiskamer", db => AuditLog.AboutPerson(db, person).AnyAsync(a => a.Id == row.Id)));
        }
    }

    [Fact]
    public async Task APersonsAccessViewListsTheListViewThatShowedThem()
    {
        var people = await PeopleAsync("huiskamer", 5);
        await RecordListViewAsync("huiskamer", people);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var page = await client.GetPageAsync($"/huiskamer/mensen/{people[3]}");

        var looks = page.QuerySelector("#inzagelijst")!.TextContent;
        Assert.Contains("in een lijst van 5 mensen", looks);
    }

    [Fact]
    public async Task TheNamesOfAListRowAreSealedWithItSoChangingThemBreaksTheChain()
    {
        var people = await PeopleAsync("huiskamer", 3);
        var row = await RecordListViewAsync("huiskamer", people);
        var key = Convert.FromBase64String(WijkbasisFactory.ChainKey);
        var sealedRow = new AuditEntry
        {
            Id = row.Id, TenantId = row.TenantId, At = row.At, UserId = row.UserId, UserName = row.UserName, Role = row.Role,
            EntityType = row.EntityType, EntityId = row.EntityId, Action = row.Action, Outcome = row.Outcome, PersonId = row.PersonId,
            PersonIds = row.PersonIds,
        };
        var hash = AuditChain.HashOf(key, sealedRow, 9, AuditChain.Genesis);
        sealedRow.PersonIds = [.. people.Take(2)];
        Assert.NotEqual(hash, AuditChain.HashOf(key, sealedRow, 9, AuditChain.Genesis));
        sealedRow.PersonIds = null;
        Assert.NotEqual(hash, AuditChain.HashOf(key, sealedRow, 9, AuditChain.Genesis));
    }

    [Fact]
    public async Task AnotherEnterpriseDoesNotSeeTheListViewOrWhomItShowed()
    {
        var people = await PeopleAsync("huiskamer", 4);
        var row = await RecordListViewAsync("huiskamer", people);
        Assert.False(await app.InDbAsync("groene-spijker", db => db.AuditEntries.AnyAsync(a => a.Id == row.Id)));
        Assert.False(await app.InDbAsync("groene-spijker", db => AuditLog.AboutPerson(db, people[0]).AnyAsync()));
    }
}
