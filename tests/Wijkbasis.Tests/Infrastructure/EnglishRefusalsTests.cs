using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Wijkbasis.Tests.Infrastructure;

/// <summary>Walks every enterprise page as each kind of user, in Dutch and in English, and posts each of its forms
/// with the typed fields left empty. Whatever is refused is read back: the English page shows no Dutch refusal (a Dutch
/// text from the resource table, a Dutch format with its values filled in, or plain Dutch words) and neither page shows
/// a raw resource key.</summary>
public sealed partial class EnglishRefusalsTests(WijkbasisFactory app) : IClassFixture<WijkbasisFactory>
{
    private static readonly string[] Users =
    [
        "coordinator@huiskamer.demo", "casusregisseur@huiskamer.demo", "wijkverbinder@huiskamer.demo", "buddy@huiskamer.demo",
        "budget@huiskamer.demo", "vrijwilliger@huiskamer.demo",
    ];

    /// <summary>Dutch texts whose English differs, and the Dutch formats with values as patterns.</summary>
    private static readonly Lazy<(HashSet<string> Texts, List<(Regex Dutch, Regex English)> Formats)> Dutch = new(() =>
    {
        var entries = XDocument.Load(Path.Combine(SourceTree.Root, "src", "Wijkbasis", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (Key: d.Attribute("name")!.Value, English: d.Element("value")!.Value))
            .Where(e => e.Key != e.English).ToList();
        static Regex Pattern(string format) => new("^" + Placeholder().Replace(Regex.Escape(format).Replace("\\{", "{", StringComparison.Ordinal), ".+?") + "$",
            RegexOptions.Singleline);
        return (entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal),
            entries.Where(e => Placeholder().IsMatch(e.Key)).Select(e => (Pattern(e.Key), Pattern(e.English))).ToList());
    });

    [Fact]
    public async Task NoRefusalShowsDutchInEnglishOrARawKeyInEither()
    {
        var problems = new List<string>();
        var refusalsRead = 0;
        // Every URL first, from the demo data as seeded (the walk's posts may change it).
        var urls = new List<string>();
        foreach (var (pattern, _) in EnterpriseRoutes.All.Where(r => !r.Pattern.EndsWith(".ics", StringComparison.Ordinal)))
        {
            urls.Add(await EnterpriseRoutes.UrlAsync(app, pattern));
        }
        foreach (var user in Users)
        {
            var dutch = await HtmlClient.LoggedInAsync(app, user);
            var english = await HtmlClient.LoggedInAsync(app, user);
            await english.SubmitAsync("/account", new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = "/account" }, formAction: "/taal");
            foreach (var url in urls)
            {
                foreach (var (client, inEnglish) in new[] { (dutch, false), (english, true) })
                {
                    var response = await client.Http.GetAsync(url);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        continue;
                    }
                    var page = await HtmlClient.ParseAsync(response);
                    foreach (var form in page.QuerySelectorAll<IHtmlFormElement>("main form[method=post]").Where(HasTypedFields).ToList())
                    {
                        var answer = await client.Http.PostAsync(Target(form, url), new FormUrlEncodedContent(EmptiedValues(form)));
                        if (answer.StatusCode == HttpStatusCode.InternalServerError)
                        {
                            var body = await answer.Content.ReadAsStringAsync();
                            Assert.Fail($"{user} {url} [{Target(form, url)}]: 500 on an emptied form\n{body[..Math.Min(body.Length, 4000)]}");
                        }
                        if (answer.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.OK or HttpStatusCode.Conflict))
                        {
                            continue;
                        }
                        var refused = await HtmlClient.ParseAsync(answer);
                        foreach (var text in refused.QuerySelectorAll("#fouten li, .utrecht-form-field-error-message").Select(e => e.TextContent.Trim()))
                        {
                            refusalsRead++;
                            if (Problem(text, inEnglish) is { } problem)
                            {
                                problems.Add($"{(inEnglish ? "en" : "nl")} {user} {url} [{form.GetAttribute("action")}]: {problem}: \"{text}\"");
                            }
                        }
                    }
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems.Distinct()));
        // The walk really refused forms in both languages (not a test that passes by finding nothing).
        Assert.True(refusalsRead >= 100, $"Only {refusalsRead} refusals were read.");
    }

    private static string? Problem(string text, bool inEnglish)
    {
        if (text.Contains('\u001f', StringComparison.Ordinal) || Placeholder().IsMatch(text))
        {
            return "a raw resource key";
        }
        if (!inEnglish)
        {
            return null;
        }
        var (texts, formats) = Dutch.Value;
        if (texts.Contains(text))
        {
            return "a Dutch text";
        }
        if (formats.Any(f => f.Dutch.IsMatch(text) && !f.English.IsMatch(text)))
        {
            return "a Dutch format with its values";
        }
        return DutchWords().IsMatch(text) ? "Dutch words" : null;
    }

    /// <summary>A form someone fills in (not a single button such as "Archiveren").</summary>
    private static bool HasTypedFields(IHtmlFormElement form) =>
        form.QuerySelectorAll("textarea, input:not([type]), input[type=text], input[type=number], input[type=date], input[type=time], input[type=email], input[type=tel]").Length > 0;

    private static string Target(IHtmlFormElement form, string pageUrl)
    {
        var button = form.QuerySelector("button[type=submit][formaction], button[formaction]");
        var action = button?.GetAttribute("formaction") ?? form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? pageUrl : action;
    }

    /// <summary>The form's hidden values (the antiforgery token, ids, versions) and every typed field empty.</summary>
    private static Dictionary<string, string> EmptiedValues(IHtmlFormElement form)
    {
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            values[input.Name!] = input.Type == "hidden" ? input.Value : "";
            if (input.Type is "checkbox" or "radio")
            {
                values.Remove(input.Name!);
            }
        }
        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            values[area.Name!] = "";
        }
        return values;
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b(het|een|niet|vul|kies|deze|geen|wordt|moet|nog|alleen|staat|klopt|bestaat|hoogstens|minstens)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DutchWords();
}
