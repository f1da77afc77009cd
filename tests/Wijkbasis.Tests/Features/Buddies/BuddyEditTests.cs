using System.Net;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Tests.Features.BuddyProgramme;
using static Wijkbasis.Tests.Features.BuddyProgramme.ProgrammeApp;

namespace Wijkbasis.Tests.Features.Buddies;

/// <summary>The buddy form: links built from the pages, and a refusal that reads in the user's language.</summary>
public sealed class BuddyEditTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    [Fact]
    public async Task TheListLinksToANewBuddyAndToEachBuddysForm()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);

        var list = await coordinator.GetPageAsync("/huiskamer/buddies");

        var links = list.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/huiskamer/buddies/nieuw", links);
        Assert.Contains(links, l => System.Text.RegularExpressions.Regex.IsMatch(l ?? "", "^/huiskamer/buddies/[0-9a-f-]{36}/bewerken$"));
        Assert.Contains("/huiskamer/buddies?archief=True", links);
    }

    [Fact]
    public async Task ANameThatIsTooLongIsRefusedInEnglishWithTheMaximum()
    {
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var url = $"/huiskamer/buddies/{await BuddyIdAsync(app, "buddy6@huiskamer.demo")}/bewerken";
        await coordinator.SubmitAsync(url, new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = url }, formAction: "/taal");
        var form = ProgrammeMatrix.Values(HtmlClient.FindForm(await coordinator.GetPageAsync(url), null));
        form["Input.Name"] = new string('x', Buddy.NameMax + 1);

        var response = await coordinator.SubmitAsync(url, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains($"The name is too long (at most {Buddy.NameMax} characters).", errors);
        Assert.DoesNotContain("te lang", errors);
    }
}
