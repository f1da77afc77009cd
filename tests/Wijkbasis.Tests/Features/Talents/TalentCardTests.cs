using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Talents;

namespace Wijkbasis.Tests.Features.Talents;

public sealed class TalentCardTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Fact]
    public async Task ACoordinatorFillsInATalentCardAndTheBoardShowsFirstNameAndBuurtOnly()
    {
        var id = await app.NewResidentAsync("Hatice Bakkerij", phone: "06 11112222", buurt: "BU02020101");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var saved = await client.PostAsync($"/huiskamer/talenten/kaart/{id}", "handler=Save",
            ("Offers", "bakken"), ("Offers", "Arabisch vertalen"), ("Needs", "computerhulp"), ("OfferText", "Bakt elke week."), ("Availability", "3"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var card = await app.InDbAsync("huiskamer", db => db.TalentCards.Include(c => c.Tags).ThenInclude(t => t.Tag).SingleAsync(c => c.PersonId == id));
        Assert.Equal(["arabisch vertalen", "bakken"], card.Tags.Where(t => t.Side == TalentSide.Offer).Select(t => t.Tag!.Key).Order());
        Assert.Equal(["computerhulp"], card.Tags.Where(t => t.Side == TalentSide.Need).Select(t => t.Tag!.Key));
        Assert.Equal(1 << 3, card.Availability);

        var board = await client.GetPageAsync("/huiskamer/talenten?label=" + await TagIdAsync("bakken"));
        var table = board.QuerySelector("#bord")!.TextContent;
        Assert.Contains("Hatice", table);
        Assert.DoesNotContain("Bakkerij", table);
        Assert.DoesNotContain("06 11112222", board.Body!.TextContent);
        var asks = (await client.GetPageAsync("/huiskamer/talenten?soort=vraag&label=" + await TagIdAsync("computerhulp"))).QuerySelector("#bord")!.TextContent;
        Assert.Contains("Hatice", asks);
        Assert.Contains("Hatice", (await client.GetPageAsync("/huiskamer/talenten?taal=nederl&label=" + await TagIdAsync("bakken"))).QuerySelector("#bord")!.TextContent);
        Assert.Contains("Niets gevonden", (await client.GetPageAsync("/huiskamer/talenten?taal=klingon")).Body!.TextContent);

        // The write and the look are both audited, with the person they are about.
        await client.GetPageAsync($"/huiskamer/talenten/kaart/{id}");
        var audit = await app.InDbAsync("huiskamer", db => db.AuditEntries.Where(a => a.EntityType == "TalentCard" && a.PersonId == id).Select(a => a.Action).ToListAsync());
        Assert.Contains("create", audit);
        Assert.Contains("view", audit);
    }

    [Fact]
    public async Task AnEmptyChoiceInARefusedCardIsShownAgainNotA500()
    {
        // Found by EveryPostHandlerTests: an empty (or invisible-only) choice binds as null, and the refused form broke on it.
        var id = await app.NewResidentAsync("Lege Keuze");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var response = await client.PostAsync($"/huiskamer/talenten/kaart/{id}", "handler=Save",
            ("Offers", ""), ("Needs", "\u200B"), ("Offers", "goochelen"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("‘goochelen’ staat niet op de lijst", await TalentsApp.TextAsync(response));
        var suggest = await TestForms.PostAsync(client, $"/huiskamer/talenten/kaart/{id}", "Suggest", new() { ["Offers"] = "", ["Needs"] = " \u3000 " });
        Assert.True((int)suggest.StatusCode < 500, $"{(int)suggest.StatusCode}");
    }

    [Fact]
    public async Task AnUnknownTagIsRefusedWithADutchMessageAndNothingIsSaved()
    {
        var id = await app.NewResidentAsync("Onbekend Label");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var response = await client.PostAsync($"/huiskamer/talenten/kaart/{id}", "handler=Save", ("Offers", "bakken"), ("Offers", "goochelen"));
        Assert.Contains("‘goochelen’ staat niet op de lijst met talenten en vragen", await TalentsApp.TextAsync(response));
        Assert.False(await app.InDbAsync("huiskamer", db => db.TalentCards.AnyAsync(c => c.PersonId == id)));

        // A tag of another enterprise's list is unknown here too.
        await app.InDbAsync("groene-spijker", async db =>
        {
            db.TalentTags.Add(new TalentTag { Name = "compost", Key = "compost" });
            return await db.SaveChangesAsync();
        });
        var other = await client.PostAsync($"/huiskamer/talenten/kaart/{id}", "handler=Save", ("Offers", "compost"));
        Assert.Contains("‘compost’ staat niet op de lijst", await TalentsApp.TextAsync(other));
        Assert.False(await app.InDbAsync("huiskamer", db => db.TalentCards.AnyAsync(c => c.PersonId == id)));
    }

    [Fact]
    public async Task TooLongWordsAreRefusedAndNothingIsSaved()
    {
        var id = await app.NewResidentAsync("Lange Tekst");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var response = await client.PostAsync($"/huiskamer/talenten/kaart/{id}", "handler=Save",
            ("Offers", "bakken"), ("OfferText", new string('x', TalentCard.TextMax + 1)));
        Assert.Contains($"hoogstens {TalentCard.TextMax} tekens", await TalentsApp.TextAsync(response));
        Assert.False(await app.InDbAsync("huiskamer", db => db.TalentCards.AnyAsync(c => c.PersonId == id)));
    }

    [Fact]
    public async Task ADuplicateTagIsRefusedInEnglishWithItsName()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var name = "Ukelele " + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/huiskamer/talenten/labels", "handler=Add", ("Name", name))).StatusCode);
        await client.SubmitAsync("/huiskamer/talenten/labels", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/huiskamer/talenten/labels" }, formAction: "/taal");

        var text = await TalentsApp.TextAsync(await client.PostAsync("/huiskamer/talenten/labels", "handler=Add", ("Name", name.ToUpperInvariant())));

        Assert.Contains($"‘{name.ToUpperInvariant()}’ is already on the list.", text);
        Assert.DoesNotContain("staat al op de lijst", text);
    }

    [Fact]
    public async Task TheCoordinatorAddsRenamesAndRetiresTagsAndADuplicateIsRefused()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/huiskamer/talenten/labels", "handler=Add", ("Name", "Gitaarles"))).StatusCode);
        var tag = await app.InDbAsync("huiskamer", db => db.TalentTags.SingleAsync(t => t.Key == "gitaarles"));
        Assert.Contains("staat al op de lijst", await TalentsApp.TextAsync(await client.PostAsync("/huiskamer/talenten/labels", "handler=Add", ("Name", " gitaarLES "))));
        Assert.Contains("komma", await TalentsApp.TextAsync(await client.PostAsync("/huiskamer/talenten/labels", "handler=Add", ("Name", "a, b"))));
        Assert.Equal(1, await app.InDbAsync("huiskamer", db => db.TalentTags.CountAsync(t => t.Key.StartsWith("gitaar"))));

        await client.PostAsync("/huiskamer/talenten/labels", "handler=Rename", ("TagId", tag.Id.ToString()), ("Name", "Gitaarles geven"));
        Assert.Contains("staat al op de lijst", await TalentsApp.TextAsync(
            await client.PostAsync("/huiskamer/talenten/labels", "handler=Rename", ("TagId", tag.Id.ToString()), ("Name", "Bakken"))));
        Assert.Equal("Gitaarles geven", await app.InDbAsync("huiskamer", db => db.TalentTags.Where(t => t.Id == tag.Id).Select(t => t.Name).SingleAsync()));

        await client.PostAsync("/huiskamer/talenten/labels", "handler=Retire", ("TagId", tag.Id.ToString()), ("restore", "false"));
        Assert.NotNull(await app.InDbAsync("huiskamer", db => db.TalentTags.Where(t => t.Id == tag.Id).Select(t => t.RetiredAt).SingleAsync()));
        // A retired tag cannot be chosen on a new card.
        var id = await app.NewResidentAsync("Gitaar Speler");
        Assert.Contains("staat niet op de lijst", await TalentsApp.TextAsync(
            await client.PostAsync($"/huiskamer/talenten/kaart/{id}", "handler=Save", ("Offers", "Gitaarles geven"))));

        // Another enterprise's tag id answers 404 and changes nothing.
        var theirs = await app.InDbAsync("groene-spijker", async db =>
        {
            var t = new TalentTag { Name = "snoeien", Key = "snoeien" };
            db.TalentTags.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        });
        var refused = await client.PostAsync("/huiskamer/talenten/labels", "handler=Rename", ("TagId", theirs.ToString()), ("Name", "gekaapt"));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("snoeien", await app.InDbAsync("groene-spijker", db => db.TalentTags.Where(t => t.Id == theirs).Select(t => t.Name).SingleAsync()));
    }

    [Fact]
    public async Task AWijkverbinderEditsCardsButOnlyTheCoordinatorKeepsTheTagList()
    {
        var client = await HtmlClient.LoggedInAsync(app, Wijkverbinder);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.FollowAsync(await client.Http.GetAsync("/huiskamer/talenten/labels"))).StatusCode);
        var id = await app.NewResidentAsync("Wijk Verbonden");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/huiskamer/talenten/kaart/{id}", "handler=Save", ("Needs", "klussen"))).StatusCode);
    }

    [Fact]
    public async Task AVolunteerSeesTheBoardWithoutLinksButCannotOpenACardOrMakeAMatch()
    {
        var client = await HtmlClient.LoggedInAsync(app, Volunteer);
        var board = await client.GetPageAsync("/huiskamer/talenten");
        Assert.Empty(board.QuerySelectorAll("#bord a"));
        var id = await AnyPersonIdAsync(app, "huiskamer");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.FollowAsync(await client.Http.GetAsync($"/huiskamer/talenten/kaart/{id}"))).StatusCode);
        var before = await app.InDbAsync("huiskamer", db => db.Matches.CountAsync());
        await client.PostRawAsync($"/huiskamer/talenten/kaart/{id}?handler=Suggest", new Dictionary<string, string> { ["Other"] = Guid.NewGuid().ToString() });
        Assert.Equal(before, await app.InDbAsync("huiskamer", db => db.Matches.CountAsync()));
    }

    private Task<Guid> TagIdAsync(string key) => app.InDbAsync("huiskamer", db => db.TalentTags.Where(t => t.Key == key).Select(t => t.Id).SingleAsync());
}
