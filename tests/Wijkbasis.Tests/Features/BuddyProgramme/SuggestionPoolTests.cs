using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Buddies;
using static Wijkbasis.Tests.Features.BuddyProgramme.ProgrammeApp;

namespace Wijkbasis.Tests.Features.BuddyProgramme;

/// <summary>Suggestions come from a pool kept in memory per enterprise; a change to a buddy is seen by the very next
/// suggestion, on this instance and on another one on the same database.</summary>
public sealed class SuggestionPoolTests : IAsyncLifetime
{
    private readonly WijkbasisFactory first = new();
    private WijkbasisFactory second = null!;

    public async Task InitializeAsync()
    {
        await first.InitializeAsync();
        second = WijkbasisFactory.OnSameDatabaseAs(first);
        await second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
    }

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);

    private static async Task<List<(string Name, string Text)>> SuggestionsAsync(HtmlClient client, Guid intake) =>
        (await client.GetPageAsync($"/huiskamer/intakes/{intake}")).QuerySelectorAll("[data-buddy]")
            .Select(s => (s.GetAttribute("data-buddy")!, s.TextContent)).ToList();

    private static async Task<Guid> LightIntakeAsync(WijkbasisFactory app, HtmlClient wijkverbinder, int person)
    {
        var id = await IntakeAsync(wijkverbinder, await FreshPersonAsync(app, person), IntakeForm("3", needTags: "administratie, post, formulieren"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostOnAsync(wijkverbinder, $"/huiskamer/intakes/{id}", "Decide", new() { ["Weight"] = "Light" })).StatusCode);
        return id;
    }

    [Fact]
    public async Task ABuddyArchivedOnThePoolPageIsNotSuggestedAnyMore()
    {
        var client = await HtmlClient.LoggedInAsync(first, Wijkverbinder);
        var intake = await LightIntakeAsync(first, client, 11);
        var before = await SuggestionsAsync(client, intake);
        Assert.NotEmpty(before);
        var top = before[0].Name;
        var topId = await first.AsCaseworkAsync(db => db.Buddies.Where(b => b.Name == top).Select(b => b.Id).SingleAsync());

        // Through the archive button's own form (it once posted to the "new buddy" address and was not found).
        var archived = await PostOnAsync(client, $"/huiskamer/buddies/{topId}/bewerken", "Archive", []);

        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        Assert.DoesNotContain(await SuggestionsAsync(client, intake), s => s.Name == top);
    }

    [Fact]
    public async Task ABuddyAddedOrChangedThroughAnotherInstanceIsSuggestedByThisOneAtOnce()
    {
        var client = await HtmlClient.LoggedInAsync(first, Wijkverbinder);
        var intake = await LightIntakeAsync(first, client, 12);
        var person = await first.AsCaseworkAsync(db => db.Intakes.Where(i => i.Id == intake)
            .Join(db.People, i => i.PersonId, p => p.Id, (i, p) => new { p.Postcode, p.Languages }).SingleAsync());
        Assert.NotEmpty(await SuggestionsAsync(client, intake)); // the pool is now kept by the first instance

        // Through the second instance: a new buddy who fits better than anyone (every language and need of the
        // resident, the same postcode, room for five), then a change to her skills.
        var newcomer = await second.AsCaseworkAsync(async db =>
        {
            var user = await db.Users.Where(u => !db.Buddies.Any(b => b.UserId == u.Id)).Select(u => u.Id).FirstAsync();
            var buddy = new Buddy
            {
                Name = "Nina Nieuw", UserId = user, Kind = BuddyKind.Volunteer, Skills = "administratie;post;formulieren",
                Languages = Tags.Normalize("nederlands;" + person.Languages), Postcode = person.Postcode ?? "6828 AB", MaxResidents = 5, CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
                VogIssuedOn = Today, VogExpiresOn = Today.AddYears(2),
            };
            db.Buddies.Add(buddy);
            await db.SaveChangesAsync();
            return buddy.Id;
        });

        var after = await SuggestionsAsync(client, intake);
        Assert.Equal("Nina Nieuw", after[0].Name);
        Assert.Contains("Kan helpen met administratie", after[0].Text);

        await second.AsCaseworkAsync(async db =>
        {
            (await db.Buddies.SingleAsync(b => b.Id == newcomer)).Skills = "fietsen";
            return await db.SaveChangesAsync();
        });

        var changed = await SuggestionsAsync(client, intake);
        Assert.DoesNotContain(changed.Where(s => s.Name == "Nina Nieuw"), s => s.Text.Contains("administratie", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABuddyWhoseCaseClosesHasRoomAgainInTheVeryNextSuggestion()
    {
        var client = await HtmlClient.LoggedInAsync(first, Wijkverbinder);
        var bert = await BuddyIdAsync(first, Bert);
        var caseId = await CaseAsync(first, Bert, skip: 13);
        // Bert is full: as many residents as he may have.
        await first.AsCaseworkAsync(async db =>
        {
            var load = await db.Cases.CountAsync(c => c.OwnerBuddyId == bert && c.Status == Wijkbasis.Features.Cases.CaseStatus.Open);
            (await db.Buddies.SingleAsync(b => b.Id == bert)).MaxResidents = load;
            return await db.SaveChangesAsync();
        });
        var intake = await LightIntakeAsync(first, client, 14);
        Assert.DoesNotContain(await SuggestionsAsync(client, intake), s => s.Name == "Bert Buddy");

        // Through the other instance, one of his cases closes: the pool kept here is old now.
        await second.AsCaseworkAsync(async db =>
        {
            var open = await db.Cases.SingleAsync(c => c.Id == caseId);
            Assert.Null(open.Close(Wijkbasis.Features.Cases.CaseOutcome.GoalsReached, TimeProvider.System.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });

        Assert.Contains(await SuggestionsAsync(client, intake), s => s.Name == "Bert Buddy");
    }
}
