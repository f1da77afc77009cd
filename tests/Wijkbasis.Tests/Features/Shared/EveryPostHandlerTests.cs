using System.Collections;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wijkbasis.Data;
using Xunit.Abstractions;

namespace Wijkbasis.Tests.Features.Shared;

/// <summary>Bad input, everywhere (issue 15, docs/decisions/0022): every POST handler the app maps is found from the route
/// table, every field it binds gets generated bad values (FsCheck), and the app never answers 5xx, and a refused post
/// changes nothing in the database. A new POST handler is covered by itself when the demo users can reach its page; one
/// that cannot be reached must be listed in <see cref="Skipped"/> with the reason, or this test fails.</summary>
public sealed class EveryPostHandlerTests(EveryPostHandlerTests.App app, ITestOutputHelper output) : IClassFixture<EveryPostHandlerTests.App>
{
    /// <summary>The app, its route table read and its pages crawled once for both tests.</summary>
    public sealed class App : WijkbasisFactory
    {
        private readonly Dictionary<string, HtmlClient> clients = [];
        private Task<HandlerMap>? map;

        // Few people: the fingerprint reads every table after each post.
        public override int People => 20;

        public Task<HandlerMap> MapAsync() => map ??= CrawlAsync();

        /// <summary>Counts the app's writes to watched tables, so the (slower) fingerprint is read only after a post that wrote.</summary>
        public WriteCounter Writes { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // The app registers its context by provider (options of the provider's type).
            builder.ConfigureServices(s => s.ConfigureDbContext<SqliteWijkbasisDb>(o => o.AddInterceptors(Writes))
                .ConfigureDbContext<PostgresWijkbasisDb>(o => o.AddInterceptors(Writes)));
        }

        public List<(string User, string Url, double Ms)> Timings { get; } = [];

        /// <summary>A logged-in client for <paramref name="user"/>, or an anonymous one for null; one each.</summary>
        public async Task<HtmlClient> ClientAsync(string? user)
        {
            if (!clients.TryGetValue(user ?? "", out var client))
            {
                client = user is null ? HtmlClient.For(this) : await HtmlClient.LoggedInAsync(this, user);
                clients[user ?? ""] = client;
            }
            return client;
        }

        private async Task<HandlerMap> CrawlAsync()
        {
            var clock = Stopwatch.StartNew();
            var (handlers, others, getRoutes) = await RouteTableAsync(Services);
            // Pages worth a visit: those that post, lists (no record in the route), and pages under which a posting page lies
            // (a person's page leads to its edit page). Other record pages (a person's visits, a report's figures) are skipped.
            var posting = handlers.Values.Select(h => h.Route).ToHashSet();
            var routes = posting.Concat(getRoutes.Where(r => !r.Replace("{enterprise}", "", StringComparison.Ordinal).Contains('{', StringComparison.Ordinal)
                                                             || posting.Any(p => p.StartsWith(r + "/", StringComparison.Ordinal))))
                .Distinct().Select(r => new RouteShape(r)).ToList();
            var targets = new Dictionary<string, Target>();
            var fallbacks = new Dictionary<string, Target>();
            var handlerKeys = handlers.Keys.ToDictionary(k => k, k => k, StringComparer.OrdinalIgnoreCase);
            foreach (var user in Users)
            {
                var client = await ClientAsync(user);
                string? token = null;
                var queue = new Queue<string>(Seeds);
                var visited = new HashSet<string>();
                var gets = 0;
                while (queue.Count > 0 && gets < 250)
                {
                    var url = queue.Dequeue();
                    var route = RouteShape.Match(routes, url);
                    if (route is null || !visited.Add(route.Raw))
                    {
                        continue;
                    }
                    gets++;
                    var getClock = Stopwatch.StartNew();
                    var response = await client.Http.GetAsync(url);
                    Timings.Add((user ?? "anon", url, getClock.Elapsed.TotalMilliseconds));
                    if (response.Headers.Location is { } location)
                    {
                        visited.Remove(route.Raw);
                        var next = Local(url, location.OriginalString);
                        if (next is not null && RouteShape.Match(routes, next) is { } nextRoute && !visited.Contains(nextRoute.Raw))
                        {
                            queue.Enqueue(next);
                        }
                        continue;
                    }
                    if (response.Content.Headers.ContentType?.MediaType != "text/html")
                    {
                        continue;
                    }
                    var page = await HtmlClient.ParseAsync(response);
                    token ??= page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
                    foreach (var link in page.QuerySelectorAll("a[href]"))
                    {
                        if (Local(url, link.GetAttribute("href")!) is { } next && !next.Contains("handler=", StringComparison.OrdinalIgnoreCase))
                        {
                            queue.Enqueue(next);
                        }
                    }
                    foreach (var form in page.QuerySelectorAll<IHtmlFormElement>("form"))
                    {
                        if (!"post".Equals(form.GetAttribute("method"), StringComparison.OrdinalIgnoreCase))
                        {
                            continue;
                        }
                        var fields = FormFields(form);
                        var submitters = form.QuerySelectorAll("button, input[type=submit]")
                            .Where(b => (b.GetAttribute("type") ?? "submit").Equals("submit", StringComparison.OrdinalIgnoreCase)).ToList();
                        foreach (var submitter in submitters.Count > 0 ? submitters.Cast<IElement?>() : [null])
                        {
                            var action = Local(url, submitter?.GetAttribute("formaction") ?? form.GetAttribute("action") ?? url);
                            if (action is null || RouteShape.Match(routes, action) is not { } actionRoute)
                            {
                                continue;
                            }
                            var handler = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + action).Query)
                                .GetValueOrDefault("handler").ToString();
                            if (!handlerKeys.TryGetValue(actionRoute.Raw + " " + handler, out var key) || targets.ContainsKey(key))
                            {
                                continue;
                            }
                            var values = new List<KeyValuePair<string, string>>(fields);
                            if (submitter?.GetAttribute("name") is { Length: > 0 } name)
                            {
                                values.Add(new(name, submitter.GetAttribute("value") ?? ""));
                            }
                            targets[key] = new Target(key, user, action, values);
                        }
                    }
                    // A handler of this page that no form showed (a state the demo data does not have): posted with the token alone.
                    foreach (var handler in handlers.Values.Where(h => h.Route == route.Raw))
                    {
                        if (token is not null && !fallbacks.ContainsKey(handler.Key))
                        {
                            var path = url.Split('?')[0];
                            fallbacks[handler.Key] = new Target(handler.Key, user, handler.Name.Length == 0 ? path : $"{path}?handler={handler.Name}",
                                [new("__RequestVerificationToken", token)], FromPage: false);
                        }
                    }
                }
            }
            foreach (var (key, fallback) in fallbacks)
            {
                targets.TryAdd(key, fallback);
            }
            return new HandlerMap(handlers, targets, others, clock.Elapsed.TotalSeconds);
        }

        private static readonly string[] Seeds = ["/", "/huiskamer", "/account/inloggen", "/account/wachtwoord-vergeten", "/account/wachtwoord",
            "/account/tweestapsverificatie", "/taal", "/ruimtes/huiskamer/aanvragen", "/beheer", "/fout/404"];

        /// <summary>A path and query on this site, or null for another site, a fragment or a file.</summary>
        private static string? Local(string from, string href)
        {
            if (href.StartsWith('#') || href.StartsWith("mailto:", StringComparison.Ordinal) || href.StartsWith("tel:", StringComparison.Ordinal))
            {
                return null;
            }
            var uri = new Uri(new Uri("http://localhost" + from), href);
            return uri.Host == "localhost" ? uri.PathAndQuery : null;
        }

        /// <summary>What the form would send as shown: hidden and filled-in fields, ticked boxes, chosen options.</summary>
        private static List<KeyValuePair<string, string>> FormFields(IHtmlFormElement form)
        {
            var values = new List<KeyValuePair<string, string>>();
            foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
            {
                var name = element.GetAttribute("name")!;
                switch (element)
                {
                    case IHtmlInputElement input when input.Type is "submit" or "button" or "reset" or "image" or "file":
                    case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                        break;
                    case IHtmlInputElement input:
                        values.Add(new(name, input.Value));
                        break;
                    case IHtmlSelectElement select:
                        var chosen = select.Options.Where(o => o.IsSelected).Select(o => o.Value).ToList();
                        if (chosen.Count == 0 && select.Options.Length > 0)
                        {
                            chosen.Add(select.Options[0]!.Value);
                        }
                        values.AddRange(chosen.Select(v => new KeyValuePair<string, string>(name, v)));
                        break;
                    case IHtmlTextAreaElement area:
                        values.Add(new(name, area.Value));
                        break;
                }
            }
            return values;
        }
    }

    /// <summary>A page route, to tell which route a path belongs to (literal segments, and guid/int constraints).</summary>
    public sealed class RouteShape(string raw)
    {
        private readonly string[] segments = raw.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);

        public string Raw { get; } = raw;

        private int Literals => segments.Count(s => !s.StartsWith('{'));

        public static RouteShape? Match(IEnumerable<RouteShape> routes, string url) =>
            routes.Where(r => r.Matches(url)).OrderByDescending(r => r.Literals).FirstOrDefault();

        private bool Matches(string url)
        {
            var parts = Uri.UnescapeDataString(url.Split('?')[0]).Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != segments.Length)
            {
                return false;
            }
            for (var i = 0; i < parts.Length; i++)
            {
                var segment = segments[i];
                if (!segment.StartsWith('{'))
                {
                    if (!segment.Equals(parts[i], StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }
                }
                else if ((segment.Contains(":guid", StringComparison.Ordinal) && !Guid.TryParse(parts[i], out _))
                         || (segment.Contains(":int", StringComparison.Ordinal) && !int.TryParse(parts[i], out _)))
                {
                    return false;
                }
            }
            return true;
        }
    }

    /// <summary>Handlers the generated posts cannot reach with the demo data, each with the reason. Key: page route and
    /// handler ("" for OnPost). Other tests cover them.</summary>
    private static readonly Dictionary<string, string> Skipped = new()
    {
        ["/account/inloggen/code "] = "needs a login half-way (password given, code asked); Account/LoginTests and TotpReplayTests post it",
        ["/account/inloggen/herstelcode "] = "needs a login half-way (password given, code asked); Account/LoginTests post it",
        ["/account/nieuw-wachtwoord "] = "needs a reset token from a mail; Account/LoginTests post it",
        ["/uitnodiging/{token} "] = "needs an invitation token from a mail; Account/LoginTests and Enterprise/UsersTests post it",
        ["/uitnodiging/{token} Accept"] = "needs an invitation token from a mail; Account/LoginTests and Enterprise/UsersTests post it",
        ["/account/tweestapsverificatie NewKey"] = "binds nothing, and replaces the login key the test logs in with",
        ["/account/uitloggen "] = "binds nothing but the token; logs the test's user out",
        ["/{enterprise}/importeren/{id:guid}/kolommen "] = "needs an uploaded file (the demo has no imports); Import/ImportTests post it",
        ["/{enterprise}/importeren/{id:guid} Commit"] = "needs an uploaded file (the demo has no imports); Import/ImportTests post it, with an unreadable choice too",
        ["/{enterprise}/metingen/vragenlijsten/{id:guid} "] = "editing an enterprise's own survey: the demo has no own survey yet; "
            + "Surveys/SurveysTests builds one and adds its questions (ACoordinatorBuildsASurveyInDutchAndEnglishAndAWorkerTakesIt)",
        ["/enquete/{slug}/{token} "] = "needs a single-use token that exists only on a printed sheet; Surveys/SurveysTests posts it, with bad input too",
        ["/{enterprise}/importeren/{id:guid} Abandon"] = "needs an uploaded file (the demo has no imports); binds nothing but the route",
    };

    /// <summary>Endpoints that are not Razor pages but take any method (so also POST): they bind nothing.</summary>
    private static readonly Dictionary<string, string> SkippedEndpoints = new()
    {
        ["/healthz"] = "health check: binds nothing, writes nothing",
        ["/readyz"] = "health check: binds nothing, writes nothing",
        ["/{enterprise}/sessies/{id:guid}"] = "the live check-in (Features/Logbook/LiveCheckIn.cs) answers only the page script's headers; "
            + "without them the page's CheckIn handler answers, which this test posts, with the same rules (CheckIns). Logbook/LiveCheckInTests post it",
        ["/api/v1/sessions/{id:guid}/check-ins"] = "public API (docs/decisions/0033): JSON with a bearer key, no form to crawl; "
            + "same CheckIns path as the page's CheckIn handler, which this test posts. Api/ApiTests post bad, unreadable and unknown fields",
        ["/api/v1/sessions/{id:guid}/head-counts"] = "public API: JSON with a bearer key; the page's HeadCountInput and CheckIns.CountAsync, "
            + "posted here through the page. Api/ApiTests post out-of-range, empty, unreadable and unknown fields",
        ["/api/v1/{*path:nonfile}"] = "public API's fallback: any method to an unknown API address answers a 404 problem; binds nothing, writes nothing",
    };

    /// <summary>Who crawls the app, in this order (null: anonymous); a handler is posted as the first of them that found its
    /// form. The analyst is not among them: the municipal pages post nothing (a new handler there shows up in the first
    /// test as not reached).</summary>
    private static readonly string?[] Users = [null, Caseworker, Bert, Volunteer, Approver, PlatformAdmin, Coordinator];

    /// <summary>Tables a refused post may still write: the audit log (a refused post may be read and logged), the login
    /// keys, and the one-time-form keys of a form that was accepted earlier.</summary>
    private static readonly HashSet<string> Unwatched = ["AuditEntries", "DataProtectionKeys"];

    /// <summary>A refused login or code counts against the account (lockout), by design.</summary>
    private static readonly Dictionary<string, string[]> MayWriteOnRefusal = new()
    {
        ["/account/inloggen"] = ["AspNetUsers"],
        ["/account/wachtwoord"] = ["AspNetUsers"],
        ["/account/tweestapsverificatie"] = ["AspNetUsers"],
    };

    private const int CasesPerField = 3;

    [Fact]
    public async Task EveryPostHandlerIsFoundAndEitherReachedOrSkippedWithAReason()
    {
        var map = await app.MapAsync();
        foreach (var (key, target) in map.Targets.OrderBy(t => t.Key))
        {
            output.WriteLine($"{key,-60} {target.User ?? "anonymous",-32} {target.Action} [{target.Form.Count} values] {string.Join(", ", map.Handlers[key].Fields.Select(f => f.Name))}");
        }
        output.WriteLine($"crawl {map.CrawlSeconds:F0} s");
        foreach (var g in app.Timings.GroupBy(t => t.User))
        {
            output.WriteLine($"{g.Key}: {g.Count()} gets, {g.Sum(t => t.Ms):F0} ms");
        }
        foreach (var t in app.Timings.OrderByDescending(t => t.Ms).Take(25))
        {
            output.WriteLine($"{t.Ms,8:F0} {t.User} {t.Url}");
        }
        var missing = map.Handlers.Where(h => !map.Targets.ContainsKey(h.Key) && !Skipped.ContainsKey(h.Key)).Select(h => h.Key).ToList();
        Assert.True(missing.Count == 0, "POST handlers that no demo user reached and that are not listed in Skipped:\n" + string.Join("\n", missing));
        var stale = Skipped.Keys.Where(k => !map.Handlers.ContainsKey(k)).ToList();
        Assert.True(stale.Count == 0, "Skipped handlers that no longer exist:\n" + string.Join("\n", stale));
        var others = map.OtherPostEndpoints.Where(e => !SkippedEndpoints.ContainsKey(e)).ToList();
        Assert.True(others.Count == 0, "POST endpoints that are not Razor pages, not covered:\n" + string.Join("\n", others));
        // The route table really was read: the pages of this issue's probe are among the handlers.
        Assert.Contains("/{enterprise}/activiteiten/nieuw ", map.Handlers.Keys);
        Assert.Contains("/{enterprise}/tijdbank Settings", map.Handlers.Keys);
        Assert.Contains("Input.FirstDate", map.Handlers["/{enterprise}/activiteiten/nieuw "].Fields.Select(f => f.Name));
    }

    [Fact]
    public async Task BadValuesInEveryBoundFieldNeverGiveA5xxAndARefusedPostChangesNothing()
    {
        var map = await app.MapAsync();
        var clock = Stopwatch.StartNew();
        var problems = new List<string>();
        var posts = 0;
        var fields = 0;
        var compared = 0;
        var fingerprint = await FingerprintAsync();
        foreach (var (key, target) in map.Targets.Where(t => !Skipped.ContainsKey(t.Key)).OrderBy(t => Order(t.Key)))
        {
            var handler = map.Handlers[key];
            var client = await app.ClientAsync(target.User);
            foreach (var field in FieldsToTry(map, handler, target))
            {
                fields++;
                var values = Gen.Elements(BadValues(field.Type));
                // FsCheck picks the values; a failure names the value (shrinking an element of a list is the element itself).
                var property = Prop.ForAll(Arb.From(values), value =>
                {
                    var problem = Task.Run(async () =>
                    {
                        posts++;
                        var writesBefore = app.Writes.Count;
                        var (status, refused, body) = await PostAsync(client, target, field, value);
                        if (status >= 500)
                        {
                            return $"{status} from {key} with {field.Name}={Show(value)}\n{Excerpt(body)}";
                        }
                        if (app.Writes.Count == writesBefore)
                        {
                            // The app sent no write to a watched table: nothing can have changed, and the fingerprint still holds.
                            return null;
                        }
                        var after = await FingerprintAsync();
                        compared++;
                        string? changed = null;
                        if (refused)
                        {
                            var allowed = MayWriteOnRefusal.GetValueOrDefault(handler.Route, []);
                            var tables = fingerprint.Where(t => after.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key)
                                .Concat(after.Keys.Except(fingerprint.Keys)).Where(t => !allowed.Contains(t)).ToList();
                            if (tables.Count > 0)
                            {
                                changed = $"refused ({status}) but changed {string.Join(", ", tables)}: {key} with {field.Name}={Show(value)}";
                            }
                        }
                        fingerprint = after;
                        return changed;
                    }).GetAwaiter().GetResult();
                    if (problem is not null)
                    {
                        problems.Add(problem);
                    }
                    return problem is null;
                });
                try
                {
                    Check.One(Config.QuickThrowOnFailure.WithMaxTest(CasesPerField).WithQuietOnSuccess(true), property);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    output.WriteLine(e.Message);
                }
            }
        }
        output.WriteLine($"{map.Targets.Count} handlers, {fields} fields, {posts} posts in {clock.Elapsed.TotalSeconds:F0} s (fingerprints {fingerprintClock.Elapsed.TotalSeconds:F0} s; crawl {map.CrawlSeconds:F0} s)");
        Assert.True(problems.Count == 0, string.Join("\n\n", problems.Distinct()));
        // The write counter saw the accepted posts' writes (else every "no change" above would be vacuous).
        Assert.True(app.Writes.Count > 0 && compared > 0, $"{app.Writes.Count} writes seen, {compared} fingerprints compared");
    }

    private static readonly string[] Undoing = ["Archive", "Remove", "Stop", "Close", "Cancel", "Revoke", "Withdraw", "Retire", "Decline", "Reverse", "Fizzle", "Undo", "Clear"];

    /// <summary>The fields worth posting bad values into for this handler: those its form sends, its own parameters, and
    /// (at the page's first handler only) the page's fields that no form sends, e.g. list filters. A page's other
    /// handlers' fields (a page binds them all for every handler) are left to those handlers.</summary>
    private static IEnumerable<Field> FieldsToTry(HandlerMap map, Handler handler, Target target)
    {
        if (target.FromPage is false)
        {
            return handler.Fields;
        }
        var sent = target.Form.Select(f => Indexless(f.Key)).ToHashSet();
        var sentOnPage = map.Targets.Values.Where(t => map.Handlers[t.Key].Route == handler.Route).SelectMany(t => t.Form).Select(f => Indexless(f.Key)).ToHashSet();
        var first = map.Handlers.Values.Where(h => h.Route == handler.Route).Min(h => h.Name) == handler.Name;
        return handler.Fields.Where(f => f.OfHandler || sent.Contains(f.Name) || (first && !sentOnPage.Contains(f.Name)));
    }

    private static string Indexless(string name) => System.Text.RegularExpressions.Regex.Replace(name, @"\[\d+\]", "[0]");

    /// <summary>Handlers that undo or end things go last, so the records the others need are still there.</summary>
    private static (int, string) Order(string key) =>
        (key.StartsWith("/account", StringComparison.Ordinal) ? 2
            : Undoing.Any(w => key.EndsWith(" " + w, StringComparison.Ordinal)) ? 1 : 0, key);

    /// <summary>Bad values for one CLR type: out-of-range and unreadable dates, huge, negative and unreadable numbers,
    /// unknown choices, invisible-only and direction-override text, very long text, and empty.</summary>
    internal static string[] BadValues(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset))
        {
            return ["0001-01-01", "9999-12-31", "31-02-2026", "2026-13-45T25:61", "1899-12-31", ""];
        }
        if (t == typeof(TimeOnly) || t == typeof(TimeSpan))
        {
            return ["25:61", "-1", "99999999:00", "23:59:59.9999999", "nu", ""];
        }
        if (t == typeof(bool))
        {
            return ["NotABool", "2", "-1", ""];
        }
        if (t.IsEnum)
        {
            return ["NotAnEnum", "999", "-1", "2147483648", ""];
        }
        if (t == typeof(Guid))
        {
            return ["not-a-guid", Guid.Empty.ToString(), Guid.NewGuid().ToString(), ""];
        }
        if (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(decimal)
            || t == typeof(double) || t == typeof(float) || t == typeof(uint) || t == typeof(ulong))
        {
            return [long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), "-1", "1e308", "NaN",
                "99999999999999999999999999999", "-2147483649", "79228162514264337593543950335", "0,000000001", ""];
        }
        if (t == typeof(IFormFile) || t == typeof(IFormFileCollection))
        {
            return ["", new string('x', 10_000), "\u200B\u200B\u200B", "wijkbasis-audit-checkpoint-v1 1 0 0 0"];
        }
        // Text, and anything else the binder reads from text.
        return [new string('x', 10_000), "\u200B\u200C\u2060\u00AD", "\u202Eevil\u202C", " \u3000 ", "\0", "", "<script>alert(1)</script>"];
    }

    private static async Task<(int Status, bool Refused, string Body)> PostAsync(HtmlClient client, Target target, Field field, string value)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, v) in target.Form.Where(f => f.Key != field.Name))
        {
            content.Add(new StringContent(v), name);
        }
        if (field.Type == typeof(IFormFile) || field.Type == typeof(IFormFileCollection))
        {
            content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(value)), field.Name, "onzin.txt");
        }
        else
        {
            content.Add(new StringContent(value), field.Name);
        }
        HttpResponseMessage response;
        try
        {
            response = await client.Http.PostAsync(target.Action, content);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (599, false, e.ToString());
        }
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var refused = status is >= 400 and < 500
                      || (status == 200 && (await HtmlClient.ParseAsync(new HttpResponseMessage { Content = new StringContent(body) }))
                          .QuerySelectorAll(".wb-error, .utrecht-form-field-error-message, [role=alert]").Length > 0);
        return (status, refused, body);
    }

    private static string Show(string value) => value.Length > 40 ? $"({value.Length} chars of '{value[0]}')"
        : "'" + string.Concat(value.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? $"\\u{(int)c:X4}" : c.ToString())) + "'";

    private static string Excerpt(string body) => body.Length > 1500 ? body[..1500] : body;

    /// <summary>Every table but the audit log and the login keys: row count and an order-free sum of row hashes. Read by
    /// hand (not through EF), past every filter.</summary>
    private readonly Stopwatch fingerprintClock = new();

    private async Task<Dictionary<string, (long Rows, long Sum)>> FingerprintAsync()
    {
        fingerprintClock.Start();
        try
        {
            return await ReadFingerprintAsync();
        }
        finally
        {
            fingerprintClock.Stop();
        }
    }

    private async Task<Dictionary<string, (long Rows, long Sum)>> ReadFingerprintAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Where(t => !Unwatched.Contains(t)).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var result = new Dictionary<string, (long, long)>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            long rows = 0, sum = 0;
            while (await reader.ReadAsync())
            {
                var hash = new HashCode();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    Add(ref hash, reader.GetValue(i));
                }
                rows++;
                sum = unchecked(sum + hash.ToHashCode() * 2654435761L);
            }
            result[table] = (rows, sum);
        }
        return result;
    }

    private static void Add(ref HashCode hash, object value)
    {
        switch (value)
        {
            case byte[] bytes:
                hash.AddBytes(bytes);
                break;
            case string text:
                hash.Add(text, StringComparer.Ordinal);
                break;
            case IEnumerable items:
                foreach (var item in items)
                {
                    Add(ref hash, item ?? DBNull.Value);
                }
                break;
            default:
                hash.Add(value);
                break;
        }
    }

    /// <summary>A bound field as the form posts it; <see cref="OfHandler"/> when it is a parameter of the handler itself.</summary>
    /// <summary>Sees every command the app's database context sends and counts those that write a watched table.</summary>
    public sealed class WriteCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private static readonly System.Text.RegularExpressions.Regex Write = new(
            @"\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM|MERGE\s+INTO|TRUNCATE)\s+(?:TABLE\s+)?""?(\w+)",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Compiled);

        private long count;

        public long Count => Interlocked.Read(ref count);

        private void See(DbCommand command)
        {
            foreach (System.Text.RegularExpressions.Match match in Write.Matches(command.CommandText))
            {
                if (!Unwatched.Contains(match.Groups[2].Value))
                {
                    Interlocked.Increment(ref count);
                }
            }
        }

        public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<DbDataReader> result)
        {
            See(command);
            return result;
        }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            See(command);
            return ValueTask.FromResult(result);
        }

        public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> NonQueryExecuting(DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result)
        {
            See(command);
            return result;
        }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            See(command);
            return ValueTask.FromResult(result);
        }

        public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object> ScalarExecuting(DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object> result)
        {
            See(command);
            return result;
        }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object>> ScalarExecutingAsync(DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object> result,
            CancellationToken cancellationToken = default)
        {
            See(command);
            return ValueTask.FromResult(result);
        }
    }

    public sealed record Field(string Name, Type Type, bool OfHandler = false);

    /// <summary>A POST handler of a page: its route (as declared), its name ("" for OnPost), and every field it binds.</summary>
    public sealed record Handler(string Route, string Name, List<Field> Fields)
    {
        public string Key => Route + " " + Name;
    }

    /// <summary>Where and as whom a handler is posted, with the form the page showed for it (hidden fields, choices made).</summary>
    public sealed record Target(string Key, string? User, string Action, List<KeyValuePair<string, string>> Form, bool FromPage = true);

    public sealed record HandlerMap(Dictionary<string, Handler> Handlers, Dictionary<string, Target> Targets, List<string> OtherPostEndpoints,
        double CrawlSeconds);

    /// <summary>Reads the route table: every page's POST handlers with the fields they bind.</summary>
    internal static async Task<(Dictionary<string, Handler> Handlers, List<string> Others, List<string> GetRoutes)> RouteTableAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var handlers = new Dictionary<string, Handler>();
        var others = new List<string>();
        var getRoutes = new List<string>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            if (page is null)
            {
                var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>();
                if (methods is null || methods.HttpMethods.Contains("POST", StringComparer.OrdinalIgnoreCase))
                {
                    others.Add(route);
                }
                continue;
            }
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            if (compiled.HandlerMethods.Any(h => h.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase) && h.Name is null)
                || compiled.HandlerMethods.Count == 0)
            {
                getRoutes.Add(route);
            }
            var properties = compiled.BoundProperties.SelectMany(p => FieldsOf(p.BindingInfo, p.Name, p.ParameterType)).ToList();
            foreach (var method in compiled.HandlerMethods.Where(h => h.HttpMethod.Equals("POST", StringComparison.OrdinalIgnoreCase)))
            {
                var parameters = method.Parameters.Where(p => !RouteParameter(route, p.Name))
                    .SelectMany(p => FieldsOf(p.BindingInfo, p.Name, p.ParameterType)).Select(f => f with { OfHandler = true });
                var handler = new Handler(route, method.Name ?? "", [.. properties.Concat(parameters).DistinctBy(f => f.Name)]);
                handlers[handler.Key] = handler;
            }
        }
        return (handlers, others, getRoutes);
    }

    private static bool RouteParameter(string route, string name) =>
        route.Contains("{" + name + "}", StringComparison.OrdinalIgnoreCase) || route.Contains("{" + name + ":", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<Field> FieldsOf(BindingInfo? binding, string name, Type type)
    {
        var source = binding?.BindingSource;
        if (source == BindingSource.Services || source == BindingSource.Special || source == BindingSource.Header
            || source == BindingSource.Path || type == typeof(CancellationToken))
        {
            return [];
        }
        return FieldsOf(binding?.BinderModelName ?? name, type, 0);
    }

    private static IEnumerable<Field> FieldsOf(string name, Type type, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (IsSimple(t) || t == typeof(IFormFile) || t == typeof(IFormFileCollection))
        {
            yield return new Field(name, type);
            yield break;
        }
        if (depth > 3)
        {
            yield break;
        }
        var element = t.IsArray ? t.GetElementType()
            : t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments()[^1] : null;
        if (element is not null)
        {
            var inner = IsSimple(Nullable.GetUnderlyingType(element) ?? element) ? FieldsOf(name, element, depth + 1) : FieldsOf(name + "[0]", element, depth + 1);
            foreach (var field in inner)
            {
                yield return field;
            }
            yield break;
        }
        foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.IsDefined(typeof(BindNeverAttribute))
                || (property.SetMethod?.IsPublic != true && !typeof(IEnumerable).IsAssignableFrom(property.PropertyType)))
            {
                continue;
            }
            var inner = property.GetCustomAttribute<BindPropertyAttribute>()?.Name ?? property.GetCustomAttribute<FromFormAttribute>()?.Name ?? property.Name;
            foreach (var field in FieldsOf(name.Length == 0 ? inner : name + "." + inner, property.PropertyType, depth + 1))
            {
                yield return field;
            }
        }
    }

    private static bool IsSimple(Type t) => t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid)
                                          || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeOnly)
                                          || t == typeof(TimeSpan) || t == typeof(Uri);
}
