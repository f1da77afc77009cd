using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Retention;
using static Wijkbasis.Testing.TestForms;
using static Wijkbasis.Tests.Features.Retention.RetentionApp;

namespace Wijkbasis.Tests.Features.Retention;

/// <summary>The coordinator's retention terms, within their bounds.</summary>
public sealed class RetentionSettingsTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    /// <summary>Every term at its default, with <paramref name="kind"/> set to <paramref name="term"/>.</summary>
    private static Dictionary<string, string> Form(RetentionKind kind, string term)
    {
        var form = new Dictionary<string, string>();
        for (var i = 0; i < RetentionKinds.All.Count; i++)
        {
            var info = RetentionKinds.All[i];
            form[$"Terms[{i}]"] = info.Kind == kind ? term : info.Default.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return form;
    }

    private Task<Dictionary<RetentionKind, int>> StoredAsync(string enterprise = "huiskamer") =>
        app.InDbAsync(enterprise, db => db.RetentionSettings.ToDictionaryAsync(s => s.Kind, s => s.Term));

    [Fact]
    public async Task TheSettingsPageShowsEveryKindWithItsDefaultAndTheAuditLogIsKept()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var page = await coordinator.GetPageAsync(Settings);

        var text = page.QuerySelector("main")!.TextContent;
        foreach (var info in RetentionKinds.All)
        {
            Assert.Contains(info.Label, text);
        }
        Assert.Contains("blijft bewaard", text);
        Assert.Equal("84", page.QuerySelector("#term-MoneyLines")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ATermWithinItsBoundsIsSavedAndUsedAndBackToTheDefaultRemovesIt()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        var saved = await coordinator.SubmitAsync(Settings, Form(RetentionKind.PublicRoomRequests, "6"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(6, (await StoredAsync())[RetentionKind.PublicRoomRequests]);
        Assert.Contains("6 maanden", (await coordinator.GetPageAsync(Due)).QuerySelector("tr[data-kind=PublicRoomRequests]")!.TextContent);
        Assert.Empty(await StoredAsync("groene-spijker"));

        await coordinator.SubmitAsync(Settings, Form(RetentionKind.PublicRoomRequests, "12"));
        Assert.False((await StoredAsync()).ContainsKey(RetentionKind.PublicRoomRequests));
    }

    [Theory]
    [InlineData(RetentionKind.MoneyLines, "83", "Kies bij Geldstromen een termijn van 84 tot en met 240 maanden")]
    [InlineData(RetentionKind.SentForms, "0", "Kies bij Verstuurde formulieren een termijn van 1 tot en met 30 dagen")]
    [InlineData(RetentionKind.NamedCheckIns, "-5", "Vul bij Aanmeldingen op naam een heel getal in")]
    [InlineData(RetentionKind.ClosedBuddyFiles, "veel", "Vul bij Intakes en casussen van afgesloten trajecten een heel getal in")]
    [InlineData(RetentionKind.LogNotes, "", "Vul bij Notities en verhalen een heel getal in")]
    [InlineData(RetentionKind.ArchivedPeople, "99999999999", "Vul bij Gearchiveerde mensen een heel getal in")]
    public async Task ATermOutsideItsBoundsIsRefusedInDutchAndNothingChanges(RetentionKind kind, string term, string message)
    {
        var before = await StoredAsync();
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await coordinator.SubmitAsync(Settings, Form(kind, term));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await ErrorsAsync(response));
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task OnlyACoordinatorOpensTheRetentionPagesAndAnotherEnterpriseGets404()
    {
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync(Settings))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync(Due))).StatusCode);
        var other = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await other.FollowAsync(await other.Http.GetAsync(Settings))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.FollowAsync(await other.Http.GetAsync(Due))).StatusCode);
    }
}
