using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Rooms;
using static Wijkbasis.Tests.Features.Rooms.RoomsApp;

namespace Wijkbasis.Tests.Features.Rooms;

/// <summary>Requests from outside parties: an anonymous form per enterprise, a coordinator who approves (a booking)
/// or declines (with a reason), and a volunteer who can do neither.</summary>
public sealed class RequestTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private const string Form = "/ruimtes/huiskamer/aanvragen";

    private static Dictionary<string, string> Ask(Guid room, DateOnly date, string organisation = "Massagepraktijk Zachte Handen",
        string start = "10:00", string end = "12:00") => new()
    {
        ["Input.RoomId"] = room.ToString(), ["Input.Date"] = Iso(date), ["Input.StartTime"] = start, ["Input.EndTime"] = end,
        ["Input.Category"] = "Entrepreneur", ["Input.Organisation"] = organisation, ["Input.Purpose"] = "Stoelmassage",
        ["Input.Name"] = "Mirjam de Bruin", ["Input.Email"] = "mirjam@zachtehanden.demo", ["Input.Phone"] = "06 12345678",
    };

    private async Task<BookingRequest> SendAsync(Guid room, DateOnly date, string organisation)
    {
        var response = await HtmlClient.For(app).SubmitAsync(Form, Ask(room, date, organisation));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await app.InDbAsync("huiskamer", db => db.BookingRequests.SingleAsync(r => r.Organisation == organisation && r.RoomId == room));
    }

    [Fact]
    public async Task AnyoneCanAskForARoomWithoutSeeingAnybodysDetails()
    {
        var room = await NewRoomAsync(app, "Zaal Openbaar", acceptsRequests: true);
        var anonymous = HtmlClient.For(app);
        var page = await anonymous.GetPageAsync(Form);
        Assert.Contains("Zaal Openbaar", page.QuerySelector("#ruimtes")!.TextContent);
        // Rooms that are not offered to outsiders are not shown; neither are bookings, parties or requesters.
        var text = page.Body!.TextContent;
        var secret = await app.InDbAsync("huiskamer", db => db.BookingRequests.Select(r => r.ContactName).ToListAsync());
        Assert.DoesNotContain(secret, n => text.Contains(n, StringComparison.Ordinal));
        Assert.DoesNotContain("Rijnstad", text);

        var request = await SendAsync(room, Ahead(2), "Massagepraktijk Zachte Handen");

        Assert.Equal((RequestStatus.Pending, "Mirjam de Bruin", "06 12345678"), (request.Status, request.ContactName, request.ContactPhone));
        Assert.Equal(TariffCategory.Entrepreneur, request.Category);
        var audit = await app.InDbAsync("huiskamer", db => db.AuditEntries.SingleAsync(a => a.EntityId == request.Id.ToString()));
        Assert.Equal("aanvraagformulier", audit.UserName);
        Assert.Empty(await BookingsAsync(app, room));
    }

    [Fact]
    public async Task AnEnterpriseWithoutRequestableRoomsHasNoForm()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await HtmlClient.For(app).Http.GetAsync("/ruimtes/bestaat-niet/aanvragen")).StatusCode);
        await app.InDbAsync("jongeren-malburgen", db => db.Rooms.ExecuteUpdateAsync(s => s.SetProperty(r => r.AcceptsRequests, false)));
        Assert.Equal(HttpStatusCode.NotFound, (await HtmlClient.For(app).Http.GetAsync("/ruimtes/jongeren-malburgen/aanvragen")).StatusCode);
    }

    public static TheoryData<string, string, string> BadRequests() => new()
    {
        { "Input.EndTime", "09:00", "De eindtijd moet na de begintijd liggen." },
        { "Input.Email", "geen-adres", "Vul een geldig e-mailadres in" },
        { "Input.Name", "", "Vul uw naam in." },
        { "Input.RoomId", "00000000-0000-0000-0000-000000000001", "Kies een ruimte uit de lijst." },
        { "Input.Date", "2020-01-07", "Kies een datum vanaf morgen" },
        { "Input.StartTime", "06:00", "is op die dag niet open op dat tijdstip" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task ABadRequestGetsAClearDutchMessageAndStoresNothing(string field, string value, string message)
    {
        var room = await NewRoomAsync(app, "Zaal Fout " + field, acceptsRequests: true);
        var form = Ask(room, Ahead(2), "Fout " + field + value);
        form[field] = value;

        var response = await HtmlClient.For(app).SubmitAsync(Form, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await AlertTextAsync(response));
        Assert.False(await app.InDbAsync("huiskamer", db => db.BookingRequests.AnyAsync(r => r.Organisation == "Fout " + field + value)));
    }

    [Fact]
    public async Task ARoomOfAnotherEnterpriseCannotBeAskedForHere()
    {
        var other = await NewRoomAsync(app, "Kas Ander", "groene-spijker", acceptsRequests: true);
        var response = await HtmlClient.For(app).SubmitAsync(Form, Ask(other, Ahead(2), "Verkeerde Deur"));
        Assert.Contains("Kies een ruimte uit de lijst.", await AlertTextAsync(response));
        Assert.False(await app.InDbAsync("groene-spijker", db => db.BookingRequests.AnyAsync(r => r.Organisation == "Verkeerde Deur")));
    }

    [Fact]
    public async Task ACoordinatorApprovesARequestAndItBecomesABookingInTheSameSave()
    {
        var room = await NewRoomAsync(app, "Zaal Goedkeuren", acceptsRequests: true);
        var request = await SendAsync(room, Ahead(3), "Repair Café Arnhem");
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var detail = await coordinator.GetPageAsync($"/huiskamer/ruimteaanvragen/{request.Id}");
        Assert.Contains("mirjam@zachtehanden.demo", detail.Body!.TextContent);

        var approve = await coordinator.SubmitAsync($"/huiskamer/ruimteaanvragen/{request.Id}", new Dictionary<string, string>(), "Approve");

        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        var booking = Assert.Single(await BookingsAsync(app, room));
        var decided = await app.InDbAsync("huiskamer", db => db.BookingRequests.SingleAsync(r => r.Id == request.Id));
        Assert.Equal((RequestStatus.Approved, booking.Id, request.Id), (decided.Status, decided.BookingId!.Value, booking.RequestId!.Value));
        Assert.Equal((request.StartsAt, request.EndsAt, 3500L, "Repair Café Arnhem"), (booking.StartsAt, booking.EndsAt, booking.PriceCents, booking.Party));
        // The booking carries no contact details of the requester, and the feed says "Bezet".
        Assert.DoesNotContain("Mirjam", booking.Title + booking.PublicTitle + booking.Party);
        Assert.Equal(RoomBooking.BusyTitle, booking.FeedTitle);
        var calendar = await coordinator.GetPageAsync(approve.Headers.Location!.OriginalString);
        var day = calendar.QuerySelector($"#kalender [data-date='{Iso(Ahead(3))}']")!.TextContent;
        Assert.Contains("Stoelmassage", day);
        Assert.Contains("Repair Café Arnhem", day);
        Assert.Contains("goedgekeurd", app.MailTo("mirjam@zachtehanden.demo", containing: "Zaal Goedkeuren"));

        // Deciding twice is refused.
        var token = HtmlClient.TokenOf(calendar);
        var again = await coordinator.PostRawAsync($"/huiskamer/ruimteaanvragen/{request.Id}?handler=Decline",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Decline.Reason"] = "Toch niet" });
        Assert.Contains("Over deze aanvraag is al beslist.", await AlertTextAsync(again));
        Assert.Equal(RequestStatus.Approved, (await app.InDbAsync("huiskamer", db => db.BookingRequests.SingleAsync(r => r.Id == request.Id))).Status);
    }

    [Fact]
    public async Task ARequestForATakenSlotCannotBeApprovedAndStaysWaiting()
    {
        var room = await NewRoomAsync(app, "Zaal Bezet", acceptsRequests: true);
        var request = await SendAsync(room, Ahead(3), "Te Laat BV");
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        await coordinator.SubmitAsync($"/huiskamer/ruimtes/{room}/boeken", Booking(Ahead(3), "11:00", "13:00", "Eigen overleg", category: "Own"));

        var approve = await coordinator.SubmitAsync($"/huiskamer/ruimteaanvragen/{request.Id}", new Dictionary<string, string>(), "Approve");

        Assert.Equal(HttpStatusCode.BadRequest, approve.StatusCode);
        Assert.Contains(RoomCalendar.TakenMessage, await AlertTextAsync(approve));
        Assert.Equal(RequestStatus.Pending, (await app.InDbAsync("huiskamer", db => db.BookingRequests.SingleAsync(r => r.Id == request.Id))).Status);
        Assert.Single(await BookingsAsync(app, room));
    }

    [Fact]
    public async Task DecliningNeedsAReasonThatTheRequesterIsSent()
    {
        var room = await NewRoomAsync(app, "Zaal Afwijzen", acceptsRequests: true);
        var request = await SendAsync(room, Ahead(3), "Coachpraktijk Richting");
        var coordinator = await HtmlClient.LoggedInAsync(app, Coordinator);
        var url = $"/huiskamer/ruimteaanvragen/{request.Id}";

        var empty = await coordinator.SubmitAsync(url, new Dictionary<string, string> { ["Decline.Reason"] = " " }, "Decline");
        Assert.Contains("Vul de reden in; de aanvrager krijgt die te lezen.", await AlertTextAsync(empty));
        Assert.Equal(RequestStatus.Pending, (await app.InDbAsync("huiskamer", db => db.BookingRequests.SingleAsync(r => r.Id == request.Id))).Status);

        var declined = await coordinator.SubmitAsync(url, new Dictionary<string, string> { ["Decline.Reason"] = "Alleen voor buurtinitiatieven" }, "Decline");

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var decided = await app.InDbAsync("huiskamer", db => db.BookingRequests.SingleAsync(r => r.Id == request.Id));
        Assert.Equal((RequestStatus.Declined, "Alleen voor buurtinitiatieven"), (decided.Status, decided.DeclineReason));
        Assert.Empty(await BookingsAsync(app, room));
        Assert.Contains("Alleen voor buurtinitiatieven", app.MailTo("mirjam@zachtehanden.demo", containing: "Zaal Afwijzen"));
    }

    [Fact]
    public async Task AVolunteerSeesTheRoomCalendarButCannotApproveOrSeeRequests()
    {
        var room = await NewRoomAsync(app, "Zaal Vrijwilliger", acceptsRequests: true);
        var request = await SendAsync(room, Ahead(3), "Vrijwilliger Probeert");
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        var calendar = await volunteer.GetPageAsync($"/huiskamer/ruimtes/{room}");
        Assert.Contains("Zaal Vrijwilliger", calendar.Body!.TextContent);
        var token = HtmlClient.TokenOf(calendar);

        var approve = await volunteer.FollowAsync(await volunteer.PostRawAsync($"/huiskamer/ruimteaanvragen/{request.Id}?handler=Approve",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var list = await volunteer.FollowAsync(await volunteer.Http.GetAsync($"/huiskamer/ruimteaanvragen/{request.Id}"));

        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(RequestStatus.Pending, (await app.InDbAsync("huiskamer", db => db.BookingRequests.SingleAsync(r => r.Id == request.Id))).Status);
        Assert.Empty(await BookingsAsync(app, room));
    }

    [Fact]
    public async Task ACoordinatorOfAnotherEnterpriseCannotOpenOrApproveARequest()
    {
        var room = await NewRoomAsync(app, "Zaal Buren", acceptsRequests: true);
        var request = await SendAsync(room, Ahead(3), "Buren Proberen");
        var other = await HtmlClient.LoggedInAsync(app, OtherCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/huiskamer/ruimteaanvragen/{request.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/groene-spijker/ruimteaanvragen/{request.Id}")).StatusCode);
        var token = await TokenAsync(other, "/groene-spijker/ruimtes/nieuw");
        var approve = await other.PostRawAsync($"/groene-spijker/ruimteaanvragen/{request.Id}?handler=Approve", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        Assert.Equal(RequestStatus.Pending, (await app.InDbAsync("huiskamer", db => db.BookingRequests.SingleAsync(r => r.Id == request.Id))).Status);
    }
}

/// <summary>The public request form is rate limited per address, like the login.</summary>
public sealed class RequestRateLimitTests(RequestRateLimitTests.StrictApp app) : IClassFixture<RequestRateLimitTests.StrictApp>
{
    public sealed class StrictApp : WijkbasisFactory
    {
        protected override bool FromSeededTemplate => true;
        public override int People => 5;
        public override int LoginAttemptsPerMinute => 3;
    }

    [Fact]
    public async Task TheFourthRequestWithinAMinuteFromOneAddressIsRefused()
    {
        var room = await NewRoomAsync(app, "Zaal Druk", acceptsRequests: true);
        var client = HtmlClient.For(app);
        var token = await TokenAsync(client, "/ruimtes/huiskamer/aanvragen");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostRawAsync("/ruimtes/huiskamer/aanvragen", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.RoomId"] = room.ToString(), ["Input.Date"] = Iso(Ahead(2 + i)),
                ["Input.StartTime"] = "10:00", ["Input.EndTime"] = "11:00", ["Input.Category"] = "Social", ["Input.Organisation"] = $"Druk {i}",
                ["Input.Purpose"] = "Overleg", ["Input.Name"] = "A. Aanvrager", ["Input.Email"] = "a@druk.demo",
            })).StatusCode);
        }
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(3, await app.InDbAsync("huiskamer", db => db.BookingRequests.CountAsync(r => r.Organisation.StartsWith("Druk "))));
    }
}
