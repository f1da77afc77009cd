using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wijkbasis.Features.Rooms;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.BrowserTests;

public sealed partial class RoomRequestJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{

    [GeneratedRegex(@"/huiskamer/ruimtes/[0-9a-f-]{36}\?week=")] private static partial Regex RoomCalendar();

    [Fact]
    public async Task ANeighbourhoodEntrepreneursBookingRequestIsApprovedAndAppearsInTheRoomsCalendar()
    {
        // A room of its own, so the demo's bookings never take the slot.
        await browser.App.InDbAsync("huiskamer", async db =>
        {
            db.Rooms.Add(new Room
            {
                Name = "Atelier", Capacity = 10, Facilities = Facility.Wifi, Unit = TariffUnit.Hour, SocialRateCents = 800, EntrepreneurRateCents = 1500,
                CommercialRateCents = 3500, OpensAt = new(9, 0), ClosesAt = new(21, 0), OpenDays = RoomRules.AllDays, AcceptsRequests = true,
                CreatedAt = TimeProvider.System.UtcNow(),
            });
            return await db.SaveChangesAsync();
        });
        var date = TimeProvider.System.AmsterdamToday().AddDays(17);
        var axe = new AxeWatch();

        // The entrepreneur, not logged in, asks for the room.
        var outside = await browser.NewPageAsync(1280, 900);
        await outside.GotoAsync("/ruimtes/huiskamer/aanvragen");
        await axe.CheckAsync(outside);
        await outside.GetByLabel("Ruimte", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Atelier" });
        await outside.GetByLabel("Datum").FillAsync(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await outside.GetByLabel("Begintijd").FillAsync("14:00");
        await outside.GetByLabel("Eindtijd").FillAsync("16:00");
        await outside.GetByLabel("U bent").SelectOptionAsync(new SelectOptionValue { Label = "buurtondernemer" });
        await outside.GetByLabel("Naam van uw organisatie of onderneming").FillAsync("Keramiek Klarendal");
        await outside.GetByLabel("Waarvoor wilt u de ruimte gebruiken?").FillAsync("Pottenbakken");
        await outside.GetByLabel("Uw naam").FillAsync("Sanne Smit");
        await outside.GetByLabel("Uw e-mailadres").FillAsync("sanne@keramiek.demo");
        await outside.GetByRole(AriaRole.Button, new() { Name = "Aanvraag versturen" }).ClickAsync();
        await Assertions.Expect(outside.Locator("#verzonden")).ToContainTextAsync("Uw aanvraag is ontvangen");
        await axe.CheckAsync(outside);

        // The coordinator approves it.
        var page = await browser.NewPageAsync(1280, 900);
        await browser.SignInAsync(page, Coordinator, axe);
        await page.GotoAsync("/huiskamer/ruimtes");
        await axe.CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Aanvragen van buiten" }).ClickAsync();
        await axe.CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Keramiek Klarendal: Pottenbakken" }).ClickAsync();
        await Assertions.Expect(page.GetByText("sanne@keramiek.demo")).ToBeVisibleAsync();
        await axe.CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren en boeken" }).ClickAsync();

        // It is in the room's calendar, on its day.
        await Assertions.Expect(page).ToHaveURLAsync(RoomCalendar());
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("staat in de agenda van Atelier");
        var day = page.Locator($"#kalender [data-date='{date:yyyy-MM-dd}']");
        await Assertions.Expect(day).ToContainTextAsync("14:00–16:00");
        await Assertions.Expect(day).ToContainTextAsync("Pottenbakken");
        await Assertions.Expect(day).ToContainTextAsync("Keramiek Klarendal");
        await axe.CheckAsync(page);
        Assert.Empty(axe.Problems);
    }
}
