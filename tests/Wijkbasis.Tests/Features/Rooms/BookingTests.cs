using System.Net;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Rooms;
using static Wijkbasis.Tests.Features.Rooms.RoomsApp;

namespace Wijkbasis.Tests.Features.Rooms;

/// <summary>Booking a room over HTTP as a coordinator: once, as a series with a report of conflicting dates, the
/// choice between the free dates or nothing, closed periods, cancelling, and bad input that stores nothing.</summary>
public sealed class BookingTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static string BookUrl(Guid room) => $"/huiskamer/ruimtes/{room}/boeken";

    [Fact]
    public async Task ACoordinatorBooksARoomOnceAtTheEntrepreneurRateInCents()
    {
        var room = await NewRoomAsync(app, "Zaal Eenmalig");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);

        var response = await client.SubmitAsync(BookUrl(room), Booking(Ahead(2)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var booking = Assert.Single(await BookingsAsync(app, room));
        Assert.Equal((TariffCategory.Entrepreneur, 2625L, "Yoga in de Wijk"), (booking.Category, booking.PriceCents, booking.Party));
        Assert.Null(booking.SeriesId);
        var calendar = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Yogales", calendar.QuerySelector($"#kalender [data-date='{Iso(Ahead(2))}']")!.TextContent);
        Assert.True(await app.InDbAsync("huiskamer", db => db.AuditEntries.AnyAsync(a => a.EntityId == booking.Id.ToString() && a.Action == "create")));
    }

    [Fact]
    public async Task AnOverlappingSeriesIsReportedDateByDateAndNothingIsSavedUntilTheCoordinatorChooses()
    {
        var room = await NewRoomAsync(app, "Zaal Reeks");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        // An existing every-other-week series on the same evening.
        var existing = await client.SubmitAsync(BookUrl(room), Booking(Ahead(2), "19:30", "21:00", "Bewonersavond", "EveryOtherWeek", Ahead(7), "Social"));
        Assert.Equal(HttpStatusCode.Redirect, existing.StatusCode);
        Assert.Equal(3, (await BookingsAsync(app, room)).Count);

        var weekly = Booking(Ahead(2), "19:00", "20:30", "Yogales", "Weekly", Ahead(7));
        var report = await client.SubmitAsync(BookUrl(room), weekly);

        Assert.Equal(HttpStatusCode.BadRequest, report.StatusCode);
        var text = await AlertTextAsync(report);
        Assert.Contains("3 van de 6 data zijn al bezet. Er is niets geboekt.", text);
        Assert.Equal(3, (await HtmlClient.ParseAsync(report)).QuerySelectorAll("#conflicten li").Length);
        Assert.Contains("Bewonersavond", text);
        Assert.Equal(3, (await BookingsAsync(app, room)).Count);

        // The coordinator chooses: only the free dates.
        weekly["Input.OnlyFree"] = "true";
        weekly["Input.ExpectedFree"] = "3";
        var saved = await client.SubmitAsync(BookUrl(room), weekly);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var yoga = (await BookingsAsync(app, room)).Where(b => b.Title == "Yogales").ToList();
        Assert.Equal([Ahead(3), Ahead(5), Ahead(7)], yoga.Select(b => DateOnly.FromDateTime(Wijkbasis.Infrastructure.Time.Clock.ToAmsterdam(b.StartsAt))));
        Assert.Single(yoga.Select(b => b.SeriesId).Distinct());
        Assert.NotNull(yoga[0].SeriesId);
    }

    [Fact]
    public async Task WhenTheFreeDatesChangedSinceTheReportNothingIsBookedAndTheReportIsShownAgain()
    {
        var room = await NewRoomAsync(app, "Zaal Verschoven");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await client.SubmitAsync(BookUrl(room), Booking(Ahead(3), "19:00", "20:00", "Eerder geboekt"));
        var weekly = Booking(Ahead(2), "19:00", "20:30", "Yogales", "Weekly", Ahead(5));
        weekly["Input.OnlyFree"] = "true";
        // The coordinator saw four free dates, but one was taken in the meantime.
        weekly["Input.ExpectedFree"] = "4";

        var response = await client.SubmitAsync(BookUrl(room), weekly);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(RoomCalendar.TakenMeanwhileMessage, await AlertTextAsync(response));
        Assert.Single(await BookingsAsync(app, room));
    }

    [Fact]
    public async Task ARoomCannotBeBookedInAClosedPeriodNorClosedOverABooking()
    {
        var room = await NewRoomAsync(app, "Zaal Gesloten");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var closed = await client.SubmitAsync($"/huiskamer/ruimtes/{room}/sluiten", new Dictionary<string, string>
        {
            ["Input.Reason"] = "Onderhoud verwarming", ["Input.From"] = Iso(Ahead(2)), ["Input.Until"] = Iso(Ahead(2).AddDays(2)),
        });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        var booking = await client.SubmitAsync(BookUrl(room), Booking(Ahead(2).AddDays(1)));
        Assert.Equal(HttpStatusCode.BadRequest, booking.StatusCode);
        Assert.Contains("gesloten: Onderhoud verwarming", await AlertTextAsync(booking));

        await client.SubmitAsync(BookUrl(room), Booking(Ahead(4)));
        var overBooking = await client.SubmitAsync($"/huiskamer/ruimtes/{room}/sluiten", new Dictionary<string, string>
        {
            ["Input.Reason"] = "Zomersluiting", ["Input.From"] = Iso(Ahead(4).AddDays(-1)), ["Input.Until"] = Iso(Ahead(4).AddDays(5)),
        });
        Assert.Equal(HttpStatusCode.BadRequest, overBooking.StatusCode);
        Assert.Contains("Annuleer of verplaats eerst de boekingen", await AlertTextAsync(overBooking));
        var rows = await BookingsAsync(app, room);
        Assert.Equal([BookingKind.Block, BookingKind.Booking], rows.Select(r => r.Kind));
    }

    public static TheoryData<string, string, string> BadInput() => new()
    {
        { "Input.EndTime", "18:00", "De eindtijd moet na de begintijd liggen." },
        { "Input.Price", "-5,00", "De prijs mag niet negatief zijn." },
        { "Input.Price", "tien euro", "Vul de prijs in euro's in, bijvoorbeeld 25,00." },
        { "Input.Title", "", "Vul in waarvoor de ruimte is." },
        { "Input.Until", "", "Vul in tot wanneer de boeking zich herhaalt." },
        { "Input.Category", "Gratis", "Vul bij Tarief een geldige waarde in ('Gratis' klopt niet)." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInputGetsAClearDutchMessageAndStoresNothing(string field, string value, string message)
    {
        var room = await NewRoomAsync(app, "Zaal Fout " + field + value);
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var form = Booking(Ahead(2), repeat: field == "Input.Until" ? "Weekly" : "Once");
        form[field] = value;

        var response = await client.SubmitAsync(BookUrl(room), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await AlertTextAsync(response));
        Assert.Empty(await BookingsAsync(app, room));
    }

    [Fact]
    public async Task ABookingInThePastIsRefused()
    {
        var room = await NewRoomAsync(app, "Zaal Verleden");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var response = await client.SubmitAsync(BookUrl(room), Booking(Ahead(-2)));
        Assert.Contains("Een boeking begint vandaag of later.", await AlertTextAsync(response));
        Assert.Empty(await BookingsAsync(app, room));
    }

    [Fact]
    public async Task AnUnknownRoomOrARoomOfAnotherEnterpriseAnswers404AndStoresNothing()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var token = await TokenAsync(client, BookUrl(await NewRoomAsync(app, "Zaal Token")));
        var other = await NewRoomAsync(app, "Kas van een ander", "groene-spijker");
        foreach (var room in new[] { Guid.NewGuid(), other })
        {
            var form = Booking(Ahead(2));
            form["__RequestVerificationToken"] = token;
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostRawAsync(BookUrl(room), form)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/huiskamer/ruimtes/{room}")).StatusCode);
        }
        Assert.Empty(await BookingsAsync(app, other, "groene-spijker"));
    }

    [Fact]
    public async Task NegativeRatesForARoomAreRefusedAndNothingIsSaved()
    {
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var response = await client.SubmitAsync("/huiskamer/ruimtes/nieuw", new Dictionary<string, string>
        {
            ["Input.Name"] = "Zaal Negatief", ["Input.Capacity"] = "10", ["Input.OpensAt"] = "09:00", ["Input.ClosesAt"] = "17:00",
            ["Input.Unit"] = "Hour", ["Input.SocialRate"] = "-2,50", ["Input.EntrepreneurRate"] = "15", ["Input.CommercialRate"] = "30",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Het tarief sociaal mag niet negatief zijn.", await AlertTextAsync(response));
        Assert.False(await app.InDbAsync("huiskamer", db => db.Rooms.AnyAsync(r => r.Name == "Zaal Negatief")));

        var ok = await client.SubmitAsync("/huiskamer/ruimtes/nieuw", new Dictionary<string, string>
        {
            ["Input.Name"] = "Zaal Positief", ["Input.Capacity"] = "10", ["Input.OpensAt"] = "09:00", ["Input.ClosesAt"] = "17:00",
            ["Input.Unit"] = "PartOfDay", ["Input.SocialRate"] = "12,50", ["Input.EntrepreneurRate"] = "€ 20", ["Input.CommercialRate"] = "45.00",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var room = await app.InDbAsync("huiskamer", db => db.Rooms.SingleAsync(r => r.Name == "Zaal Positief"));
        Assert.Equal((1250L, 2000L, 4500L, TariffUnit.PartOfDay), (room.SocialRateCents, room.EntrepreneurRateCents, room.CommercialRateCents, room.Unit));
    }

    [Fact]
    public async Task CancellingKeepsTheRowMarkedCancelledAndFreesTheSlot()
    {
        var room = await NewRoomAsync(app, "Zaal Annuleren");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        await client.SubmitAsync(BookUrl(room), Booking(Ahead(2), repeat: "Weekly", until: Ahead(4)));
        var first = (await BookingsAsync(app, room))[0];

        var noReason = await client.SubmitAsync($"/huiskamer/boekingen/{first.Id}", new Dictionary<string, string> { ["Input.Reason"] = "" }, "Cancel");
        Assert.Contains("Vul in waarom de boeking niet doorgaat.", await AlertTextAsync(noReason));
        var cancel = await client.SubmitAsync($"/huiskamer/boekingen/{first.Id}",
            new Dictionary<string, string> { ["Input.Reason"] = "Docent ziek", ["Input.AlsoLater"] = "true" }, "Cancel");

        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        var rows = await BookingsAsync(app, room);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal((true, 1, "Docent ziek"), (r.IsCancelled, r.Sequence, r.CancelReason)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(BookUrl(room), Booking(Ahead(2), title: "Vervanger"))).StatusCode);
    }

    [Fact]
    public async Task AvailabilityShowsWhatIsFreeAcrossAllRoomsForTheCapacityAsked()
    {
        var room = await NewRoomAsync(app, "Zaal Beschikbaar");
        var client = await HtmlClient.LoggedInAsync(app, Volunteer);
        await (await HtmlClient.LoggedInAsync(app, Coordinator)).SubmitAsync(BookUrl(room), Booking(Ahead(2), "10:00", "12:00"));

        var page = await client.GetPageAsync($"/huiskamer/ruimtes/beschikbaar?van={Iso(Ahead(2))}&tot={Iso(Ahead(2))}&personen=15&voorziening=Kitchen");

        var mine = page.QuerySelectorAll("section").Single(s => s.TextContent.Contains("Zaal Beschikbaar"));
        Assert.Contains("08:00–10:00, 12:00–23:00", mine.TextContent);
        Assert.DoesNotContain("Spreekkamer", page.Body!.TextContent);
        var tooMany = await client.GetPageAsync($"/huiskamer/ruimtes/beschikbaar?van={Iso(Ahead(2))}&tot={Iso(Ahead(9))}");
        Assert.Contains("Zoek hoogstens 31 dagen tegelijk.", tooMany.Body!.TextContent);
    }

    [Fact]
    public async Task TheMonthlyOverviewShowsOccupancyAndIncomePerRoom()
    {
        var room = await NewRoomAsync(app, "Zaal Overzicht");
        var client = await HtmlClient.LoggedInAsync(app, Coordinator);
        var day = Ahead(2);
        await client.SubmitAsync(BookUrl(room), Booking(day, "08:00", "23:00", category: "Commercial"));

        var page = await client.GetPageAsync($"/huiskamer/ruimtes/bezetting?maand={day:yyyy-MM}");

        var row = page.QuerySelectorAll("#per-ruimte tbody tr").Single(r => r.TextContent.Contains("Zaal Overzicht"));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        var days = DateTime.DaysInMonth(day.Year, day.Month);
        Assert.Equal($"{days * 15} u", cells[0]);
        Assert.Equal("15 u", cells[1]);
        Assert.Equal("1", cells[3]);
        Assert.Equal("€ 675,00", cells[4]);
        var volunteer = await HtmlClient.LoggedInAsync(app, Volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.FollowAsync(await volunteer.Http.GetAsync("/huiskamer/ruimtes/bezetting"))).StatusCode);
    }
}
