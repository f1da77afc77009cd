using System.Net;
using static Wijkbasis.Tests.Features.People.PeopleApp;
using static Wijkbasis.Tests.Features.Rooms.RoomsApp;

namespace Wijkbasis.Tests.Features.Rooms;

/// <summary>A refusal with a value (a rate's name, a count of dates, a room and its opening hours) reads in English with
/// the value filled in, and nothing of the Dutch sentence is left.</summary>
public sealed class RoomsEnglishTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static async Task<HtmlClient> InEnglishAsync(HtmlClient client, string page)
    {
        await client.SubmitAsync(page, new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = page }, formAction: "/taal");
        return client;
    }

    [Fact]
    public async Task ANegativeRateIsRefusedInEnglishWithTheNameOfTheRate()
    {
        var client = await InEnglishAsync(await HtmlClient.LoggedInAsync(app, Coordinator), "/huiskamer/ruimtes");

        var response = await client.SubmitAsync("/huiskamer/ruimtes/nieuw", new Dictionary<string, string>
        {
            ["Input.Name"] = "Zaal Engels Tarief", ["Input.Capacity"] = "10", ["Input.OpensAt"] = "09:00", ["Input.ClosesAt"] = "17:00",
            ["Input.Unit"] = "Hour", ["Input.SocialRate"] = "5", ["Input.EntrepreneurRate"] = "-15", ["Input.CommercialRate"] = "30",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await AlertTextAsync(response);
        Assert.Contains("The neighbourhood entrepreneur rate may not be negative.", text);
        Assert.DoesNotContain("Het tarief", text);
        Assert.DoesNotContain("buurtondernemer", text);
    }

    [Fact]
    public async Task ASeriesWithTakenDatesIsRefusedInEnglishWithTheCounts()
    {
        var room = await NewRoomAsync(app, "Zaal Engels Reeks");
        var client = await InEnglishAsync(await HtmlClient.LoggedInAsync(app, Coordinator), "/huiskamer/ruimtes");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"/huiskamer/ruimtes/{room}/boeken", Booking(Ahead(3), "19:00", "20:30", "Bewonersavond"))).StatusCode);

        var report = await client.SubmitAsync($"/huiskamer/ruimtes/{room}/boeken", Booking(Ahead(2), "19:00", "20:30", "Yogales", "Weekly", Ahead(4)));

        Assert.Equal(HttpStatusCode.BadRequest, report.StatusCode);
        var text = await AlertTextAsync(report);
        Assert.Contains("1 of the 3 dates are already taken. Nothing was booked.", text);
        Assert.DoesNotContain("data zijn al bezet", text);
    }

    [Fact]
    public async Task ARequestOutsideTheOpeningHoursIsRefusedInEnglishWithTheRoomAndItsHours()
    {
        var room = await NewRoomAsync(app, "Zaal Engels Vroeg", acceptsRequests: true);
        var outside = await InEnglishAsync(HtmlClient.For(app), "/ruimtes/huiskamer/aanvragen");

        var response = await outside.SubmitAsync("/ruimtes/huiskamer/aanvragen", new Dictionary<string, string>
        {
            ["Input.RoomId"] = room.ToString(), ["Input.Date"] = Iso(Ahead(2)), ["Input.StartTime"] = "06:00", ["Input.EndTime"] = "07:00",
            ["Input.Category"] = "Entrepreneur", ["Input.Organisation"] = "Vroege Vogels", ["Input.Purpose"] = "Ochtendyoga",
            ["Input.Name"] = "Vera Vroeg", ["Input.Email"] = "vera@vroeg.demo",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await AlertTextAsync(response);
        Assert.Contains("Zaal Engels Vroeg is not open at that time on that day (open 08:00–23:00 on its opening days).", text);
        Assert.DoesNotContain("niet open op dat tijdstip", text);
    }
}
