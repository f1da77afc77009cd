using System.Net;
using System.Reflection;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Wijkbasis.Tests.Infrastructure;

/// <summary>Every form in the app, posted with its typed fields empty, names every required field at once — not one
/// problem per submit. A field is required when the page says so to the user and to screen readers: the
/// <c>required</c> (or <c>aria-required="true"</c>) attribute on the control. For each such field posted empty the
/// refused page must (1) have a line in the error summary that links to the field (<c>href="#id"</c>) and (2) mark the
/// field itself <c>aria-invalid="true"</c>. The pages are found from the route table: every enterprise page (as
/// <see cref="EnterpriseRoutes"/>) and every page without route values (account, administration), as several users.</summary>
public sealed class AllErrorsAtOnceTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static readonly string[] Users =
    [
        "coordinator@huiskamer.demo", "wijkverbinder@huiskamer.demo", "budget@huiskamer.demo", "vrijwilliger@huiskamer.demo",
        DemoUsers.PlatformAdmin,
    ];

    /// <summary>Pages outside an enterprise with a fixed address (/account/wachtwoord, /beheer/postcodes, …).</summary>
    private static IEnumerable<string> FixedPages() =>
        typeof(Wijkbasis.Features.Area).Assembly.GetCustomAttributes<Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemAttribute>()
            .Where(i => i.Kind == "mvc.1.0.razor-page")
            .Select(i => i.Type.GetCustomAttributes<Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemMetadataAttribute>()
                .SingleOrDefault(m => m.Key == "RouteTemplate")?.Value)
            .Where(r => r is not null && !r.Contains('{', StringComparison.Ordinal) && !r.EndsWith(".ics", StringComparison.Ordinal))
            .Select(r => "/" + r!.TrimStart('/'))
            .Where(r => r is not "/account/uitloggen");

    /// <summary>Public pages under an enterprise's slug without other route values (/ruimtes/{slug}/aanvragen).</summary>
    private static IEnumerable<string> PublicPages() =>
        typeof(Wijkbasis.Features.Area).Assembly.GetCustomAttributes<Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemAttribute>()
            .Where(i => i.Kind == "mvc.1.0.razor-page")
            .Select(i => i.Type.GetCustomAttributes<Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemMetadataAttribute>()
                .SingleOrDefault(m => m.Key == "RouteTemplate")?.Value?.TrimStart('/'))
            .Where(r => r is not null && r.Contains("{slug}", StringComparison.Ordinal) && r.Count(c => c == '{') == 1 && !r.EndsWith(".ics", StringComparison.Ordinal))
            .Select(r => r!);

    [Fact]
    public async Task EveryFormPostedEmptyNamesEveryRequiredFieldAtOnce()
    {
        var urls = new List<string>();
        foreach (var (pattern, _) in EnterpriseRoutes.All.Where(r => !r.Pattern.EndsWith(".ics", StringComparison.Ordinal)))
        {
            urls.Add(await EnterpriseRoutes.UrlAsync(app, pattern));
        }
        urls.AddRange(FixedPages());
        // The public pages of an enterprise (by its slug): the room request form.
        urls.AddRange(PublicPages().Select(r => "/" + r.Replace("{slug}", "huiskamer", StringComparison.Ordinal)));
        var problems = new List<string>();
        var checkedFields = 0;
        var formsWithSeveral = new HashSet<string>();
        var clients = new List<(string User, HtmlClient Client)> { ("anonymous", HtmlClient.For(app)) };
        foreach (var user in Users)
        {
            clients.Add((user, await HtmlClient.LoggedInAsync(app, user)));
        }
        foreach (var (user, client) in clients)
        {
            foreach (var url in urls.Distinct())
            {
                var response = await client.Http.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }
                var page = await HtmlClient.ParseAsync(response);
                foreach (var form in page.QuerySelectorAll<IHtmlFormElement>("main form[method=post]"))
                {
                    var required = form.QuerySelectorAll("input[name], textarea[name], select[name]")
                        .Where(c => c.HasAttribute("required") || c.GetAttribute("aria-required") == "true")
                        .Where(c => c.GetAttribute("type") is not ("hidden" or "checkbox" or "radio"))
                        .ToList();
                    if (required.Count == 0)
                    {
                        continue;
                    }
                    var target = Target(form, url);
                    var answer = await client.Http.PostAsync(target, new FormUrlEncodedContent(EmptiedValues(form)));
                    var refused = await HtmlClient.ParseAsync(answer);
                    var where = $"{user} {url} [{target}]";
                    if (answer.StatusCode != HttpStatusCode.BadRequest)
                    {
                        problems.Add($"{where}: an empty form with required fields was answered {(int)answer.StatusCode}, not refused");
                        continue;
                    }
                    if (refused.QuerySelector("#fouten") is not { } summary || !summary.HasAttribute("autofocus") || summary.GetAttribute("tabindex") != "-1")
                    {
                        problems.Add($"{where}: the refused form's error summary does not take the focus (autofocus, tabindex -1)");
                    }
                    var linked = refused.QuerySelectorAll("#fouten a[href^='#']").Select(a => a.GetAttribute("href")![1..]).ToHashSet(StringComparer.Ordinal);
                    foreach (var control in required)
                    {
                        checkedFields++;
                        var id = control.Id ?? "";
                        var name = control.GetAttribute("name")!;
                        if (!linked.Contains(id))
                        {
                            problems.Add($"{where}: no line in the error summary links to the required field {name} (#{id})");
                        }
                        var again = refused.QuerySelectorAll($"[name='{name}']").FirstOrDefault(c => c.Id == id);
                        if (again?.GetAttribute("aria-invalid") != "true")
                        {
                            problems.Add($"{where}: the required field {name} is not marked aria-invalid after the refusal");
                        }
                    }
                    if (required.Count > 1)
                    {
                        formsWithSeveral.Add(target.Split('?')[0]);
                    }
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems.Distinct()));
        // Not a test that passes by finding nothing: many required fields, many forms with several.
        Assert.True(checkedFields >= 100, $"Only {checkedFields} required fields were checked.");
        Assert.True(formsWithSeveral.Count >= 15, $"Only {formsWithSeveral.Count} forms with several required fields: {string.Join(", ", formsWithSeveral)}");
        Assert.Contains(formsWithSeveral, f => f.EndsWith("/geldstromen/nieuw", StringComparison.Ordinal));
    }

    private static string Target(IHtmlFormElement form, string pageUrl)
    {
        var button = form.QuerySelector("button[type=submit][formaction], button[formaction]");
        var action = button?.GetAttribute("formaction") ?? form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? pageUrl : action;
    }

    /// <summary>The form's hidden values (the antiforgery token, ids, versions), every typed field and choice empty.</summary>
    private static Dictionary<string, string> EmptiedValues(IHtmlFormElement form)
    {
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Type is "checkbox" or "radio")
            {
                continue;
            }
            values[input.Name!] = input.Type == "hidden" ? input.Value : "";
        }
        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            values[area.Name!] = "";
        }
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]").Where(s => s.IsRequired))
        {
            values[select.Name!] = "";
        }
        return values;
    }
}
