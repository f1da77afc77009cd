using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Budget;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Cases;
using static Wijkbasis.Tests.Features.BuddyProgramme.ProgrammeApp;

namespace Wijkbasis.Tests.Features.BuddyProgramme;

/// <summary>What a request to a buddy-programme page or handler gets.</summary>
public enum Outcome
{
    /// <summary>200, or a redirect to somewhere other than the login page: the handler did its work.</summary>
    Ok,
    /// <summary>400: the handler was reached but refused (e.g. an offer that is not theirs); nothing changed.</summary>
    Refused,
    Forbidden,
    NotFound,
    /// <summary>Redirect to the login page.</summary>
    Login,
}

/// <summary>The table behind <see cref="ProgrammeAccessTests"/>: every buddy-programme page and handler, and for
/// each who gets in. Inside the enterprise, whoever is not listed gets 403; users outside it (the municipality
/// analyst, the platform admin, another enterprise's coordinator) get 404; an anonymous visitor the login page.</summary>
public static class ProgrammeMatrix
{
    public const string Anonymous = "anonymous";

    /// <summary>Every demo role: Wendy (the wijkverbinder) made the shared intake and case, Hanneke holds the case;
    /// Wessel is another wijkverbinder and Youssef another buddy.</summary>
    public static readonly string[] Users =
        [Coordinator, Wijkverbinder, OtherWijkverbinder, Hanneke, Youssef, Approver, Caseworker, Volunteer, Analyst, PlatformAdmin, OtherCoordinator, Anonymous];

    private static readonly string[] Outside = [Analyst, PlatformAdmin, OtherCoordinator];

    public sealed record Row(string Endpoint, string[] Ok, string[] Refused, string[] NotFound);

    private static Row R(string endpoint, string[] ok, string[]? refused = null, string[]? notFound = null) =>
        new(endpoint, ok, refused ?? [], notFound ?? []);

    private static readonly string[] Pool = [Coordinator, Wijkverbinder, OtherWijkverbinder, Caseworker];
    private static readonly string[] IntakeStaff = [Wijkverbinder, OtherWijkverbinder, Caseworker];
    private static readonly string[] CaseRoles = [Wijkverbinder, OtherWijkverbinder, Hanneke, Youssef, Caseworker];
    /// <summary>Those who work on the shared case: its buddy, the wijkverbinder who made it, a caseworker.</summary>
    private static readonly string[] OnTheCase = [Hanneke, Wijkverbinder, Caseworker];
    private static readonly string[] NotTheirCase = [Youssef, OtherWijkverbinder];
    private static readonly string[] PotManagers = [Coordinator, Approver];

    public static readonly Row[] Rows =
    [
        R("Intakes/Index:Get", IntakeStaff),
        R("Intakes/Create:Get", IntakeStaff),
        R("Intakes/Create:Post", IntakeStaff),
        // The intake: the wijkverbinder who did it and a caseworker; the other wijkverbinder does not find it.
        R("Intakes/Details:Get", [Wijkverbinder, Caseworker], notFound: [OtherWijkverbinder]),
        R("Intakes/Details:PostDecide", [Wijkverbinder, Caseworker], notFound: [OtherWijkverbinder]),
        R("Intakes/Details:PostOffer", [Wijkverbinder, Caseworker], notFound: [OtherWijkverbinder]),
        R("Intakes/Details:PostWithdraw", [Wijkverbinder, Caseworker], notFound: [OtherWijkverbinder]),

        R("Buddies/Index:Get", Pool),
        R("Buddies/Edit:Get", Pool),
        R("Buddies/Edit:Post", Pool),
        R("Buddies/Edit:PostArchive", Pool),

        R("Cases/Index:Get", CaseRoles),
        R("Cases/Mine:Get", CaseRoles),
        // Only the buddy the offer was made to answers it; the others are refused and nothing changes.
        R("Cases/Mine:PostAccept", [Hanneke], refused: [Youssef, Wijkverbinder, OtherWijkverbinder, Caseworker]),
        R("Cases/Mine:PostDecline", [Hanneke], refused: [Youssef, Wijkverbinder, OtherWijkverbinder, Caseworker]),
        R("Cases/Details:Get", OnTheCase, notFound: NotTheirCase),
        R("Cases/Details:PostContact", OnTheCase, notFound: NotTheirCase),
        R("Cases/Details:PostTask", OnTheCase, notFound: NotTheirCase),
        R("Cases/Details:PostDone", OnTheCase, notFound: NotTheirCase),
        R("Cases/Details:PostSpend", OnTheCase, notFound: NotTheirCase),
        R("Cases/Details:PostTransfer", OnTheCase, notFound: NotTheirCase),
        R("Cases/Details:PostWithdrawTransfer", OnTheCase, notFound: NotTheirCase),
        // Only the buddy asked to take over (here Youssef, on a case of his own) accepts or declines.
        R("Cases/Details:PostAcceptTransfer", [Youssef], refused: OnTheCase, notFound: [OtherWijkverbinder]),
        R("Cases/Details:PostDeclineTransfer", [Youssef], refused: OnTheCase, notFound: [OtherWijkverbinder]),
        R("Cases/Details:PostClose", OnTheCase, notFound: NotTheirCase),

        R("Budget/Index:Get", [Coordinator, Wijkverbinder, OtherWijkverbinder, Approver, Caseworker]),
        R("Budget/Index:PostPot", PotManagers),
        R("Budget/Index:PostContribution", PotManagers),
        R("Budget/Index:PostApprove", [Approver]),
        R("Budget/Index:PostReject", [Approver]),
        R("Budget/Index:PostReverse", [Approver]),
        R("Budget/Index:PostMandate", [Coordinator]),

        R("Outreach/Index:Get", Pool),
        R("Outreach/Index:PostCampaign", Pool),
        // Only the one a signal is assigned to (Wendy) closes it.
        R("Outreach/Index:PostDone", [Wijkverbinder], refused: [Coordinator, OtherWijkverbinder, Caseworker]),
        R("Outreach/Campaign:Get", Pool),
        R("Outreach/Campaign:PostVisit", Pool),

        R("Enterprise/Programme:Get", [Coordinator]),
        R("Enterprise/Programme:Post", [Coordinator]),
        R("Enterprise/ZrmCriteria:Get", [Coordinator]),
        R("Enterprise/ZrmCriteria:Post", [Coordinator]),
        R("Enterprise/ZrmCriteria:PostClear", [Coordinator]),
    ];

    public static Outcome Expected(Row row, string user) =>
        user == Anonymous ? Outcome.Login
        : Outside.Contains(user) ? Outcome.NotFound
        : row.Ok.Contains(user) ? Outcome.Ok
        : row.Refused.Contains(user) ? Outcome.Refused
        : row.NotFound.Contains(user) ? Outcome.NotFound
        : Outcome.Forbidden;

    private static readonly string[] ProgrammeFolders = ["Intakes", "Buddies", "Cases", "Budget", "Outreach"];
    private static readonly Type[] ProgrammeSettingsPages = [typeof(Wijkbasis.Features.Enterprise.ProgrammeModel), typeof(Wijkbasis.Features.Enterprise.ZrmCriteriaModel)];

    /// <summary>Every OnGet/OnPost handler of the buddy-programme pages, found by reflection: "Cases/Details:PostSpend".</summary>
    public static List<string> Discovered() => typeof(Program).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract)
        .Where(t => ProgrammeSettingsPages.Contains(t) || ProgrammeFolders.Any(f => t.Namespace == $"Wijkbasis.Features.{f}"))
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => Regex.Match(m.Name, "^On(Get|Post)(\\w*?)(Async)?$"))
            .Where(m => m.Success)
            .Select(m => $"{t.Namespace!.Split('.')[^1]}/{t.Name[..^"Model".Length]}:{m.Groups[1].Value}{m.Groups[2].Value}"))
        .Distinct().Order(StringComparer.Ordinal).ToList();

    public static Outcome Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => Outcome.Ok,
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/account/inloggen", StringComparison.Ordinal) => Outcome.Login,
        HttpStatusCode.Redirect => Outcome.Ok,
        HttpStatusCode.BadRequest => Outcome.Refused,
        HttpStatusCode.Forbidden => Outcome.Forbidden,
        HttpStatusCode.NotFound => Outcome.NotFound,
        var other => throw new InvalidOperationException($"Unexpected {(int)other}"),
    };

    /// <summary>All the values a browser would post from this form as it stands (inputs, ticked boxes, chosen options).</summary>
    public static Dictionary<string, string> Values(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Type is "checkbox" or "radio" && !input.IsChecked || input.Type == "submit")
            {
                continue;
            }
            values.Add(new(input.Name!, input.Value));
        }
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            values.Add(new(select.Name!, select.SelectedOptions.Length > 0 ? select.SelectedOptions[0].Value : ""));
        }
        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            values.Add(new(area.Name!, area.Value));
        }
        // Several ticked boxes share a name (availability): keep them apart with an index the binder reads.
        return values.GroupBy(v => v.Key).SelectMany(g => g.Count() == 1
                ? [new KeyValuePair<string, string>(g.Key, g.First().Value)]
                : g.Select((v, i) => new KeyValuePair<string, string>($"{g.Key}[{i}]", v.Value)))
            .ToDictionary(v => v.Key, v => v.Value);
    }
}

/// <summary>The demo's people logged in once per app, and what the matrix works on.</summary>
public sealed class ProgrammeStage(WijkbasisFactory app)
{
    private static readonly ConcurrentDictionary<(WijkbasisFactory, string), Lazy<Task<HtmlClient>>> Clients = new();
    private static readonly ConcurrentDictionary<WijkbasisFactory, Lazy<Task<Shared>>> Stages = new();
    private static int counter;

    /// <summary>Records shared by the rows that are refused: Hanneke's case (Wendy's intake), an offer to Hanneke that
    /// waits, a signal for Wendy, a demo campaign, and Gijs's buddy profile.</summary>
    public sealed record Shared(Guid Case, Guid Intake, Guid OpenOffer, Guid Signal, Guid Campaign, Guid Gijs, Guid Goal, Guid Hanneke, Guid Youssef, Guid HannekeUser);

    public Task<HtmlClient> ClientAsync(string email) => Clients.GetOrAdd((app, email), key => new(() => email == ProgrammeMatrix.Anonymous
        ? Task.FromResult(HtmlClient.For(key.Item1)) : HtmlClient.LoggedInAsync(key.Item1, email))).Value;

    public Task<Shared> SharedAsync() => Stages.GetOrAdd(app, _ => new(MakeSharedAsync)).Value;

    private async Task<Shared> MakeSharedAsync()
    {
        var hanneke = await BuddyIdAsync(app, Hanneke);
        var youssef = await BuddyIdAsync(app, Youssef);
        await RoomForAsync(app, hanneke);
        await RoomForAsync(app, youssef);
        await SetMandateAsync(app, Hanneke, 50_00, 1_000_00);
        var caseId = await FreshCaseAsync(Hanneke);
        var intake = (await CaseRowAsync(app, caseId)).IntakeId;
        var (_, offer) = await OfferAsync(Hanneke);
        var signal = await SignalForWendyAsync();
        var campaign = await RunningCampaignAsync();
        var gijs = await BuddyIdAsync(app, "buddy6@huiskamer.demo");
        var goal = await app.AsCaseworkAsync(db => db.CaseItems.Where(i => i.CaseId == caseId).Select(i => i.Id).FirstAsync());
        var hannekeUser = await app.AsCaseworkAsync(db => db.Users.Where(u => u.Email == Hanneke).Select(u => u.Id).SingleAsync());
        return new(caseId, intake, offer, signal, campaign, gijs, goal, hanneke, youssef, hannekeUser);
    }

    public static int Next() => Interlocked.Increment(ref counter);

    public async Task<string> TokenAsync(string email) =>
        email == ProgrammeMatrix.Anonymous ? await (await ClientAsync(email)).TokenAsync("/account/inloggen")
        : email == OtherCoordinator ? await (await ClientAsync(email)).TokenAsync("/groene-spijker/mensen")
        : await (await ClientAsync(email)).TokenAsync("/account");

    public async Task<HttpResponseMessage> PostAsync(string email, string url, Dictionary<string, string> values)
    {
        values["__RequestVerificationToken"] = await TokenAsync(email);
        return await (await ClientAsync(email)).Http.PostAsync(url, new FormUrlEncodedContent(values));
    }

    private async Task Expect302(string what, HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            Assert.Fail($"{what}: {(int)response.StatusCode} {await ErrorsAsync(response)}");
        }
    }

    /// <summary>A new intake by Wendy, decided light.</summary>
    public async Task<Guid> DecidedIntakeAsync()
    {
        var wendy = await ClientAsync(Wijkverbinder);
        var intake = await IntakeAsync(wendy, await FreshPersonAsync(app, Next()));
        await Expect302("decide", await PostAsync(Wijkverbinder, $"/huiskamer/intakes/{intake}?handler=Decide", new() { ["Weight"] = "Light" }));
        return intake;
    }

    /// <summary>A new intake by Wendy, offered to <paramref name="buddyEmail"/>: the intake and the waiting offer.</summary>
    public async Task<(Guid Intake, Guid Offer)> OfferAsync(string buddyEmail)
    {
        var intake = await DecidedIntakeAsync();
        var buddy = await BuddyIdAsync(app, buddyEmail);
        await Expect302("offer", await PostAsync(Wijkverbinder, $"/huiskamer/intakes/{intake}?handler=Offer", new() { ["BuddyId"] = buddy.ToString(), ["Reason"] = "test" }));
        return (intake, await app.AsCaseworkAsync(db => db.BuddyOffers.Where(o => o.IntakeId == intake).Select(o => o.Id).SingleAsync()));
    }

    /// <summary>A new case made by Wendy and held by <paramref name="buddyEmail"/>.</summary>
    public async Task<Guid> FreshCaseAsync(string buddyEmail)
    {
        var (intake, offer) = await OfferAsync(buddyEmail);
        await Expect302("accept", await PostAsync(buddyEmail, "/huiskamer/mijn-bewoners?handler=Accept", new() { ["OfferId"] = offer.ToString() }));
        return await app.AsCaseworkAsync(db => db.Cases.Where(c => c.IntakeId == intake).Select(c => c.Id).SingleAsync());
    }

    /// <summary>A new case of Hanneke's that she asked Youssef to take over.</summary>
    public async Task<Guid> TransferringCaseAsync()
    {
        var caseId = await FreshCaseAsync(Hanneke);
        var youssef = await BuddyIdAsync(app, Youssef);
        await Expect302("transfer", await PostAsync(Hanneke, $"/huiskamer/casussen/{caseId}?handler=Transfer", new() { ["Transfer.BuddyId"] = youssef.ToString(), ["Transfer.Text"] = "Verhuist" }));
        return caseId;
    }

    /// <summary>A spend of Hanneke's above her mandate, waiting for an approver.</summary>
    public async Task<Guid> WaitingRequestAsync()
    {
        var shared = await SharedAsync();
        await Expect302("spend", await PostAsync(Hanneke, $"/huiskamer/casussen/{shared.Case}?handler=Spend", new() { ["Spend.Amount"] = "60", ["Spend.Purpose"] = "Transport" }));
        return await app.AsCaseworkAsync(db => db.SpendRequests.Where(r => r.CaseId == shared.Case && r.Status == SpendRequestStatus.Pending)
            .OrderByDescending(r => r.RequestedAt).Select(r => r.Id).FirstAsync());
    }

    /// <summary>A spend of Hanneke's within her mandate.</summary>
    public async Task<Guid> BookedSpendAsync()
    {
        var shared = await SharedAsync();
        await Expect302("spend", await PostAsync(Hanneke, $"/huiskamer/casussen/{shared.Case}?handler=Spend", new() { ["Spend.Amount"] = "1", ["Spend.Purpose"] = "Transport" }));
        return await app.AsCaseworkAsync(db => db.LedgerEntries.Where(e => e.CaseId == shared.Case && e.Kind == LedgerKind.Spend)
            .OrderByDescending(e => e.At).Select(e => e.Id).FirstAsync());
    }

    /// <summary>The demo's round that runs today (visits are only taken between a round's start and end).</summary>
    private Task<Guid> RunningCampaignAsync()
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        return app.AsCaseworkAsync(db => db.Campaigns.Where(c => c.StartsOn <= today && (c.EndsOn == null || c.EndsOn >= today))
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
    }

    /// <summary>A signal from a visit in the demo's running round, for Wendy to follow up.</summary>
    public async Task<Guid> SignalForWendyAsync()
    {
        var campaign = await RunningCampaignAsync();
        var wendy = await app.AsCaseworkAsync(db => db.Users.Where(u => u.Email == Wijkverbinder).Select(u => u.Id).SingleAsync());
        var about = $"Teststraat {Next()}";
        await Expect302("signal", await PostAsync(Wijkverbinder, $"/huiskamer/outreach/{campaign}?handler=Visit", new()
        {
            ["Address"] = about, ["On"] = DateTime.Today.ToString("yyyy-MM-dd"), ["Outcome"] = "Signal", ["AssignTo"] = wendy.ToString(),
            ["SignalDueOn"] = DateTime.Today.AddDays(7).ToString("yyyy-MM-dd"), ["Note"] = "Zorgen",
        }));
        return await app.AsCaseworkAsync(db => db.Signals.Where(s => s.About == about).Select(s => s.Id).SingleAsync());
    }

    /// <summary>Counts and versions of everything the buddy-programme handlers can change (audit rows aside):
    /// a refused request leaves it as it was.</summary>
    public Task<string> FingerprintAsync() => app.AsCaseworkAsync(async db => string.Join(" | ",
        await db.Intakes.CountAsync(), await db.Intakes.SumAsync(i => i.Version),
        string.Join(",", await db.BuddyOffers.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}").ToListAsync()),
        string.Join(",", await db.Cases.GroupBy(c => c.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}").ToListAsync()),
        await db.Cases.SumAsync(c => c.Version), await db.Cases.CountAsync(c => c.TransferToBuddyId != null),
        await db.CaseContacts.CountAsync(), await db.CaseItems.CountAsync(), await db.CaseItems.CountAsync(i => i.DoneAt != null),
        await db.LedgerEntries.CountAsync(), await db.BudgetPots.CountAsync(),
        string.Join(",", await db.SpendRequests.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}").ToListAsync()),
        string.Join(",", (await db.Mandates.Select(m => new { m.UserId, m.PerSpendCents, m.PerMonthCents }).ToListAsync()).OrderBy(m => m.UserId).Select(m => $"{m.PerSpendCents}/{m.PerMonthCents}")),
        await db.Campaigns.CountAsync(), await db.OutreachVisits.CountAsync(), await db.Signals.CountAsync(s => s.DoneAt == null),
        await db.ZrmCriteria.CountAsync(),
        string.Join(",", (await db.Buddies.Select(b => new { b.Id, b.Name, b.MaxResidents, b.ArchivedAt }).ToListAsync()).OrderBy(b => b.Id).Select(b => $"{b.Name}/{b.MaxResidents}/{b.ArchivedAt is null}")),
        string.Join(",", await db.ProgrammeSettings.Select(s => $"{s.HeavyAtOrBelow}/{s.SafetyConcernIsHeavy}/{s.LosingTouchDays}").ToListAsync())));

    /// <summary>The request for one cell of the matrix. Refused cells work on the shared records with input that
    /// would change something; allowed cells get fresh records where the handler moves a record on (an offer can
    /// be answered once), so each allowed cell can really succeed.</summary>
    public async Task<(string Method, string Url, Dictionary<string, string> Form)> RequestAsync(string endpoint, string user, bool allowed)
    {
        var s = await SharedAsync();
        var today = DateTime.Today.ToString("yyyy-MM-dd");
        var caseUrl = $"/huiskamer/casussen/{s.Case}";
        var intakeUrl = $"/huiskamer/intakes/{s.Intake}";
        var campaignUrl = $"/huiskamer/outreach/{s.Campaign}";
        var buddyUrl = $"/huiskamer/buddies/{s.Gijs}/bewerken";
        (string, string, Dictionary<string, string>) Get(string url) => ("GET", url, []);
        (string, string, Dictionary<string, string>) Post(string url, Dictionary<string, string> form) => ("POST", url, form);
        switch (endpoint)
        {
            case "Intakes/Index:Get": return Get("/huiskamer/intakes");
            case "Intakes/Create:Get": return Get($"/huiskamer/intakes/nieuw?persoon={await FreshPersonAsync(app, 1)}");
            case "Intakes/Create:Post": return Post($"/huiskamer/intakes/nieuw?persoon={await FreshPersonAsync(app, Next())}", IntakeForm("3"));
            case "Intakes/Details:Get": return Get(intakeUrl);
            case "Intakes/Details:PostDecide":
                return Post(allowed ? $"/huiskamer/intakes/{await DecidedIntakeAsync()}?handler=Decide" : $"{intakeUrl}?handler=Decide", new() { ["Weight"] = "Light" });
            case "Intakes/Details:PostOffer":
                return Post(allowed ? $"/huiskamer/intakes/{await DecidedIntakeAsync()}?handler=Offer" : $"{intakeUrl}?handler=Offer",
                    new() { ["BuddyId"] = s.Hanneke.ToString(), ["Reason"] = "test" });
            case "Intakes/Details:PostWithdraw":
                if (allowed)
                {
                    var (intake, offer) = await OfferAsync(Hanneke);
                    return Post($"/huiskamer/intakes/{intake}?handler=Withdraw", new() { ["OfferId"] = offer.ToString() });
                }
                var offered = await app.AsCaseworkAsync(db => db.BuddyOffers.Where(o => o.Id == s.OpenOffer).Select(o => o.IntakeId).SingleAsync());
                return Post($"/huiskamer/intakes/{offered}?handler=Withdraw", new() { ["OfferId"] = s.OpenOffer.ToString() });

            case "Buddies/Index:Get": return Get("/huiskamer/buddies");
            case "Buddies/Edit:Get": return Get(buddyUrl);
            case "Buddies/Edit:Post":
                if (allowed)
                {
                    var page = await (await ClientAsync(user)).GetPageAsync(buddyUrl);
                    return Post(buddyUrl, ProgrammeMatrix.Values(HtmlClient.FindForm(page, null)));
                }
                return Post(buddyUrl, new() { ["Input.Name"] = "Niet Toegestaan", ["Input.Kind"] = "Volunteer", ["Input.MaxResidents"] = "9" });
            case "Buddies/Edit:PostArchive":
                // Allowed: "restore" an active buddy, which leaves it as it is; refused: an archive that must not happen.
                return Post($"{buddyUrl}?handler=Archive", allowed ? new() { ["restore"] = "true" } : []);

            case "Cases/Index:Get": return Get("/huiskamer/casussen");
            case "Cases/Mine:Get": return Get("/huiskamer/mijn-bewoners");
            case "Cases/Mine:PostAccept":
                return Post("/huiskamer/mijn-bewoners?handler=Accept", new() { ["OfferId"] = (allowed ? (await OfferAsync(Hanneke)).Offer : s.OpenOffer).ToString() });
            case "Cases/Mine:PostDecline":
                return Post("/huiskamer/mijn-bewoners?handler=Decline",
                    new() { ["OfferId"] = (allowed ? (await OfferAsync(Hanneke)).Offer : s.OpenOffer).ToString(), ["Reason"] = "Past nu niet" });
            case "Cases/Details:Get": return Get(caseUrl);
            case "Cases/Details:PostContact":
                return Post($"{caseUrl}?handler=Contact", new() { ["Contact.On"] = today, ["Contact.Kind"] = "Visit", ["Contact.Text"] = "Koffie gedronken" });
            case "Cases/Details:PostTask": return Post($"{caseUrl}?handler=Task", new() { ["NewTask.Text"] = "Bellen met de corporatie" });
            case "Cases/Details:PostDone": return Post($"{caseUrl}?handler=Done", new() { ["Done.ItemId"] = s.Goal.ToString() });
            case "Cases/Details:PostSpend": return Post($"{caseUrl}?handler=Spend", new() { ["Spend.Amount"] = "1", ["Spend.Purpose"] = "Transport", ["Spend.Text"] = "Buskaartje" });
            case "Cases/Details:PostTransfer":
                return Post($"/huiskamer/casussen/{(allowed ? await FreshCaseAsync(Hanneke) : s.Case)}?handler=Transfer",
                    new() { ["Transfer.BuddyId"] = s.Youssef.ToString(), ["Transfer.Text"] = "Verhuist" });
            case "Cases/Details:PostWithdrawTransfer":
                return Post($"/huiskamer/casussen/{(allowed ? await TransferringCaseAsync() : s.Case)}?handler=WithdrawTransfer", []);
            case "Cases/Details:PostAcceptTransfer":
                return Post($"/huiskamer/casussen/{(allowed ? await TransferringCaseAsync() : s.Case)}?handler=AcceptTransfer", []);
            case "Cases/Details:PostDeclineTransfer":
                return Post($"/huiskamer/casussen/{(allowed ? await TransferringCaseAsync() : s.Case)}?handler=DeclineTransfer", []);
            case "Cases/Details:PostClose":
                return Post($"/huiskamer/casussen/{(allowed ? await FreshCaseAsync(Hanneke) : s.Case)}?handler=Close", new() { ["Closing.Outcome"] = "GoalsReached" });

            case "Budget/Index:Get": return Get("/huiskamer/budget");
            case "Budget/Index:PostPot":
                // A period of its own, far ahead, so no two pots overlap.
                var starts = DateTime.Today.AddYears(20).AddMonths(2 * Next());
                return Post("/huiskamer/budget?handler=Pot", new()
                    { ["NewPot.Name"] = "Testpot", ["NewPot.StartsOn"] = starts.ToString("yyyy-MM-dd"), ["NewPot.EndsOn"] = starts.AddMonths(1).ToString("yyyy-MM-dd") });
            case "Budget/Index:PostContribution":
                var pot = await app.AsCaseworkAsync(db => db.BudgetPots.Where(p => p.Name.StartsWith("Buurtpot")).Select(p => p.Id).FirstAsync());
                return Post("/huiskamer/budget?handler=Contribution", new() { ["Contribution.PotId"] = pot.ToString(), ["Contribution.Source"] = "Fund", ["Contribution.Name"] = "Testfonds", ["Contribution.Amount"] = "10" });
            case "Budget/Index:PostApprove":
                return Post("/huiskamer/budget?handler=Approve", new() { ["Approval.RequestId"] = (await WaitingRequestAsync()).ToString() });
            case "Budget/Index:PostReject":
                return Post("/huiskamer/budget?handler=Reject", new() { ["Rejection.RequestId"] = (await WaitingRequestAsync()).ToString(), ["Rejection.Reason"] = "Kan goedkoper" });
            case "Budget/Index:PostReverse":
                return Post("/huiskamer/budget?handler=Reverse", new() { ["Reversal.EntryId"] = (await BookedSpendAsync()).ToString(), ["Reversal.Reason"] = "Dubbel" });
            case "Budget/Index:PostMandate":
                // Allowed: set Hanneke's mandate to what the stage gave her; refused: a change that must not happen.
                return Post("/huiskamer/budget?handler=Mandate", new()
                    { ["SetMandate.UserId"] = s.HannekeUser.ToString(), ["SetMandate.PerSpend"] = allowed ? "50" : "40", ["SetMandate.PerMonth"] = allowed ? "1000" : "900" });

            case "Outreach/Index:Get": return Get("/huiskamer/outreach");
            case "Outreach/Index:PostCampaign":
                return Post("/huiskamer/outreach?handler=Campaign", new()
                    { ["Name"] = "Testronde", ["Kind"] = "DoorToDoor", ["Street"] = "Teststraat", ["FromNumber"] = "1", ["ToNumber"] = "9", ["StartsOn"] = today });
            case "Outreach/Index:PostDone":
                return Post("/huiskamer/outreach?handler=Done", new() { ["SignalId"] = (allowed ? await SignalForWendyAsync() : s.Signal).ToString(), ["DoneNote"] = "Langs geweest" });
            case "Outreach/Campaign:Get": return Get(campaignUrl);
            case "Outreach/Campaign:PostVisit":
                return Post($"{campaignUrl}?handler=Visit", new() { ["Address"] = "Teststraat 1", ["On"] = today, ["Outcome"] = "ShortTalk" });

            case "Enterprise/Programme:Get": return Get("/huiskamer/instellingen/buddyprogramma");
            case "Enterprise/Programme:Post":
                // Allowed: the defaults again (the rows after it triage by them); refused: a change that must not happen.
                return Post("/huiskamer/instellingen/buddyprogramma", allowed
                    ? new() { ["HeavyAtOrBelow"] = "2", ["SafetyConcernIsHeavy"] = "true", ["LosingTouchDays"] = "14" }
                    : new() { ["HeavyAtOrBelow"] = "4", ["LosingTouchDays"] = "60" });
            case "Enterprise/ZrmCriteria:Get": return Get("/huiskamer/instellingen/zrm");
            case "Enterprise/ZrmCriteria:Post":
                return Post("/huiskamer/instellingen/zrm", new() { ["Lines"] = $"Financiën;{1 + Next() % 5};Test" });
            case "Enterprise/ZrmCriteria:PostClear":
                if (!allowed)
                {
                    // Something to clear, so a clear that got through would show.
                    await Expect302("criteria", await PostAsync(Coordinator, "/huiskamer/instellingen/zrm", new() { ["Lines"] = "Financiën;3;Test" }));
                }
                return Post("/huiskamer/instellingen/zrm?handler=Clear", []);
            default:
                throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "No request for this endpoint: add one.");
        }
    }
}
