using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Wijkbasis.BrowserTests;

public sealed class LogbookJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>
{

    /// <summary>Counts what the user does, beyond typing: taps, clicks, key presses that act, selects.</summary>
    private sealed class Actions
    {
        public int Count { get; private set; }

        public async Task TapAsync(ILocator target)
        {
            Count++;
            await target.ClickAsync();
        }

        public async Task PressAsync(ILocator target, string key)
        {
            Count++;
            await target.PressAsync(key);
        }
    }

    /// <summary>Residents to check in by typing their name: unique (no one else's name contains theirs), not one of
    /// <paramref name="except"/>, and willing to be registered. For a volunteer they are people the volunteer added: a
    /// volunteer sees those and the people of the activities they host, not the whole register (docs/decisions/0024).</summary>
    private Task<List<string>> NamesToTypeAsync(int count, IReadOnlyCollection<string> except, bool volunteer) =>
        browser.App.InDbAsync("huiskamer", async db =>
        {
            var people = await db.People.Where(p => p.ArchivedAt == null)
                .Select(p => new
                {
                    p.Id, p.Name, p.SearchName,
                    Consent = db.Consents.Where(c => c.PersonId == p.Id && c.Purpose == Wijkbasis.Features.People.ConsentPurpose.Participation)
                        .OrderByDescending(c => c.RecordedAt).Select(c => (bool?)c.Given).FirstOrDefault(),
                }).ToListAsync();
            var chosen = people.Where(p => p.Consent != false && !except.Contains(p.Name)
                    && people.Count(o => o.SearchName.Contains(p.SearchName, StringComparison.Ordinal)) == 1)
                .OrderBy(p => p.Name, StringComparer.Ordinal).Take(count).ToList();
            if (volunteer)
            {
                var user = await db.Users.Where(u => u.Email == Volunteer).Select(u => u.Id).SingleAsync();
                var ids = chosen.Select(p => p.Id).ToList();
                foreach (var person in await db.People.Where(p => ids.Contains(p.Id)).ToListAsync())
                {
                    person.CreatedByUserId = user;
                }
                await db.SaveChangesAsync();
            }
            return chosen.Select(p => p.Name).ToList();
        });

    /// <summary>A session of a weekly activity with a history (so it has regulars), started half an hour ago, today,
    /// hosted by the volunteer.</summary>
    private Task<Guid> SessionWithRegularsAsync() =>
        browser.App.InDbAsync("huiskamer", async db =>
        {
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var today = Wijkbasis.Infrastructure.Time.Clock.AmsterdamToday(TimeProvider.System);
            var activity = await db.Activities.Where(a => a.Recurrence == Wijkbasis.Features.Activities.Recurrence.Weekly && a.Day != today.DayOfWeek
                    && (a.Name == "KoffieKaffee" || a.Name == "Taalcafé")).OrderBy(a => a.Name).FirstAsync();
            var volunteer = await db.Users.Where(u => u.Email == Volunteer).Select(u => u.Id).SingleAsync();
            var session = new Wijkbasis.Features.Activities.Session
            {
                HostUserId = volunteer, ActivityId = activity.Id, OccurrenceDate = today, StartsAt = now.AddMinutes(-30), EndsAt = now.AddMinutes(90), LocationId = activity.LocationId,
            };
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });

    /// <summary>The goal of issue 19: ten people checked in, a head count, one story, closed, in at most 15 actions
    /// beyond typing names, without the page reloading between check-ins.</summary>
    private async Task<int> KeepTheLogbookAsync(IPage page, Guid session, AxeWatch axe, bool keyboardFirst)
    {
        var app = browser.App;
        await page.GotoAsync($"/huiskamer/sessies/{session}");
        await axe.CheckAsync(page);
        var search = page.GetByLabel("Zoek op naam of postcode");
        var regulars = page.Locator("#vaste");
        var regularNames = await regulars.Locator("li").Filter(new() { Has = page.Locator("form") }).Locator("strong").AllInnerTextsAsync();
        // The keyboard-first run is the volunteer's, on a phone (the test below).
        var typed = await NamesToTypeAsync(12, [.. regularNames], volunteer: keyboardFirst);

        if (keyboardFirst)
        {
            // Without the mouse: Enter checks in the one match, the undo button and the steppers are real buttons.
            await search.FillAsync(typed[^1]);
            await search.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#aangemeld")).ToContainTextAsync(typed[^1]);
            await Assertions.Expect(search).ToBeFocusedAsync();
            var undo = page.GetByRole(AriaRole.Button, new() { Name = $"Aanmelding van {typed[^1]} ongedaan maken" });
            await undo.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#meldingen")).ToContainTextAsync($"De aanmelding van {typed[^1]} is ongedaan gemaakt");
            await Assertions.Expect(search).ToBeFocusedAsync();
            var more = page.GetByRole(AriaRole.Button, new() { Name = "Eén meer bij 65+" });
            await more.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#telling output").Last).ToHaveTextAsync("1");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Eén meer bij 65+" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Shift+Tab");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Eén minder bij 65+" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Space");
            await Assertions.Expect(page.Locator("#telling output").Last).ToHaveTextAsync("0");
            await axe.CheckAsync(page);
        }

        // The page must not reload while the door is busy: a mark on the window survives every check-in.
        await page.EvaluateAsync("window.__sameLogbook = true");
        var actions = new Actions();
        var checkedIn = new List<string>();
        foreach (var name in regularNames.Take(6))
        {
            await actions.TapAsync(regulars.GetByRole(AriaRole.Button, new() { Name = $"{name} aanmelden", Exact = true }));
            await Assertions.Expect(page.Locator("#aangemeld")).ToContainTextAsync(name);
            checkedIn.Add(name);
        }
        foreach (var name in typed.Take(10 - checkedIn.Count).ToList())
        {
            await search.FillAsync(name);
            await actions.TapAsync(page.Locator("#resultaten").GetByRole(AriaRole.Button, new() { Name = $"{name} aanmelden", Exact = true }));
            await Assertions.Expect(page.Locator("#aangemeld")).ToContainTextAsync(name);
            await Assertions.Expect(search).ToBeFocusedAsync();
            await Assertions.Expect(search).ToHaveValueAsync("");
            checkedIn.Add(name);
        }
        await Assertions.Expect(page.Locator("#totaal")).ToContainTextAsync("10 aangemeld");
        Assert.True(await page.EvaluateAsync<bool>("window.__sameLogbook === true"), "the page reloaded during check-in");
        await axe.CheckAsync(page);

        await actions.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Eén meer bij 0–12 jaar" }));
        await Assertions.Expect(page.Locator("#totaal")).ToContainTextAsync("10 aangemeld, 1 geteld zonder registratie");

        var story = page.GetByLabel("Tekst");
        await actions.TapAsync(story);
        await story.FillAsync("Mevrouw vertelde dat ze hier voor het eerst in weken met iemand had gepraat.");
        await actions.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Bewaren" }));
        await Assertions.Expect(page.Locator("#verhalen")).ToContainTextAsync("voor het eerst in weken");
        await Assertions.Expect(story).ToHaveValueAsync("");

        await actions.TapAsync(page.GetByRole(AriaRole.Link, new() { Name = "Logboek afsluiten" }));
        var summary = page.Locator("#afsluiten");
        await Assertions.Expect(summary).ToContainTextAsync("10 mensen aangemeld");
        await Assertions.Expect(summary).ToContainTextAsync("1 verhalen en 0 notities");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await axe.CheckAsync(page);
        await actions.TapAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ja, afsluiten" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Het logboek is afgesloten");

        var (count, children, stories, closed) = await app.InDbAsync("huiskamer", async db => (
            await db.CheckIns.CountAsync(c => c.SessionId == session),
            await db.HeadCounts.Where(h => h.SessionId == session).SumAsync(h => h.Children),
            await db.LogEntries.CountAsync(e => e.SessionId == session && e.Kind == Wijkbasis.Features.Logbook.LogEntryKind.Story),
            await db.Sessions.Where(s => s.Id == session).Select(s => s.ClosedAt != null).SingleAsync()));
        Assert.Equal((10, 1, 1, true), (count, children, stories, closed));
        return actions.Count;
    }

    [Fact]
    public async Task OnATabletACoordinatorKeepsALogbookOfTenPeopleAHeadCountAndAStoryInAtMostFifteenActions()
    {
        var session = await browser.App.NewSessionAsync(name: "Tabletochtend");
        var axe = new AxeWatch();
        var page = await browser.NewPageAsync(768, 1024);
        await browser.SignInAsync(page, Coordinator, axe);
        await page.GetByRole(AriaRole.Link, new() { Name = "Vandaag: sessies en logboek" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vandaag", Exact = true })).ToBeVisibleAsync();
        await axe.CheckAsync(page);

        var actions = await KeepTheLogbookAsync(page, session, axe, keyboardFirst: false);

        Console.WriteLine($"Logbook at 768x1024: {actions} actions beyond typing names");
        Assert.True(actions <= 15, $"{actions} actions");
        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }

    [Fact]
    public async Task OnAPhoneAVolunteerTicksOffRegularsAndKeepsTheLogbookInAtMostFifteenActionsAlsoByKeyboard()
    {
        var session = await SessionWithRegularsAsync();
        var axe = new AxeWatch();
        var page = await browser.NewPageAsync(360, 740);
        await browser.SignInAsync(page, Volunteer, axe);

        var actions = await KeepTheLogbookAsync(page, session, axe, keyboardFirst: true);

        Console.WriteLine($"Logbook at 360x740: {actions} actions beyond typing names");
        Assert.True(actions <= 15, $"{actions} actions");
        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }

    [Fact]
    public async Task OnADayWithoutASessionAVolunteerOpensTheLogbookOfTheNextSessionTheyHost()
    {
        var app = browser.App;
        // Today the volunteer hosts nothing: today's sessions of theirs go to the coordinator.
        var next = await app.InDbAsync("huiskamer", async db =>
        {
            var volunteer = await db.Users.Where(u => u.Email == Volunteer).Select(u => u.Id).SingleAsync();
            var coordinator = await db.Users.Where(u => u.Email == Coordinator).Select(u => u.Id).SingleAsync();
            var today = Wijkbasis.Infrastructure.Time.Clock.AmsterdamToday(TimeProvider.System);
            var from = Wijkbasis.Infrastructure.Time.Clock.FromAmsterdam(today, TimeOnly.MinValue);
            var to = Wijkbasis.Infrastructure.Time.Clock.FromAmsterdam(today.AddDays(1), TimeOnly.MinValue);
            var hosted = db.Sessions.Where(s => s.HostUserId == volunteer || (s.HostUserId == null && s.Activity!.HostUserId == volunteer));
            foreach (var s in await hosted.Where(s => s.StartsAt >= from && s.StartsAt < to).ToListAsync())
            {
                s.HostUserId = coordinator;
            }
            await db.SaveChangesAsync();
            return await hosted.Where(s => s.StartsAt >= to && s.CancelledAt == null).OrderBy(s => s.StartsAt).Select(s => new { s.Id, s.Activity!.Name }).FirstAsync();
        });
        var axe = new AxeWatch();
        var page = await browser.NewPageAsync(360, 740);
        await browser.SignInAsync(page, Volunteer, axe);

        await page.GetByRole(AriaRole.Link, new() { Name = "Vandaag: sessies en logboek" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Vandaag staat er niets op het programma");
        await axe.CheckAsync(page);
        await page.GetByRole(AriaRole.List, new() { Name = "Hierna" }).GetByRole(AriaRole.Link).First.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/huiskamer/sessies/{next.Id}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = next.Name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Het logboek gaat een uur voor de start open");
        await axe.CheckAsync(page);
        await page.GotoAsync("/huiskamer/week");
        await Assertions.Expect(page.Locator("#kalender")).ToBeVisibleAsync();
        await axe.CheckAsync(page);
        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }

    [Fact]
    public async Task OnAPhoneACoordinatorPlansAWeeklyActivityThatAppearsInThePublicAgenda()
    {
        var axe = new AxeWatch();
        var page = await browser.NewPageAsync(360, 740);
        await browser.SignInAsync(page, Coordinator, axe);

        await page.GetByRole(AriaRole.Link, new() { Name = "Activiteiten en agenda" }).ClickAsync();
        await axe.CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Activiteit toevoegen" }).ClickAsync();
        await axe.CheckAsync(page);
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Buurtbreien");
        await page.GetByLabel("Locatie").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Radio, new() { Name = "Elke week" }).CheckAsync();
        await page.GetByLabel("Dag (bij elke week of om de week)").SelectOptionAsync(new SelectOptionValue { Label = "donderdag" });
        await page.GetByLabel("Begintijd").FillAsync("13:30");
        await page.GetByLabel("Eindtijd").FillAsync("15:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Buurtbreien" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table").First).ToContainTextAsync("13:30–15:00");
        await axe.CheckAsync(page);

        var visitor = await browser.NewPageAsync(360, 740);
        await visitor.GotoAsync("/agenda/huiskamer");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Agenda van De Huiskamer Klarendal" })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("Buurtbreien");
        await axe.CheckAsync(visitor);

        Assert.True(axe.Problems.Count == 0, string.Join("\n", axe.Problems));
    }
}
