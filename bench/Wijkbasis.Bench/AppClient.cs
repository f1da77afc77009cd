using System.Net;
using System.Text.RegularExpressions;

namespace Wijkbasis.Bench;

/// <summary>Drives the running app the way a browser does: cookies, antiforgery tokens from the
/// page, form posts, redirects not followed (a 302 is how the app says "done").</summary>
internal sealed partial class AppClient : IDisposable
{
    public const string TokenField = "__RequestVerificationToken";

    private readonly CookieContainer cookies = new();
    private readonly HttpClient http;
    private readonly Uri baseUri;

    public AppClient(Uri baseUri)
    {
        this.baseUri = baseUri;
        http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>Every cookie the app has set, as one Cookie header (auth cookie, antiforgery cookie).</summary>
    public string CookieHeader => cookies.GetCookieHeader(baseUri);

    public async Task LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        var page = await GetPageAsync("/account/inloggen", cancellationToken);
        var location = await PostFormAsync(FormAction(page, "Input.Email", "/account/inloggen"), Token(page),
            [new("Input.Email", email), new("Input.Password", password)], cancellationToken);
        if (location.Contains("/account/", StringComparison.OrdinalIgnoreCase))
        {
            throw new BenchException($"login as {email} asks for more than a password ({location}); start the app with Security__RequireTwoFactor=false");
        }
    }

    public async Task<string> GetPageAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchException($"GET {path} answered {(int)response.StatusCode}{Where(response)}");
        }
        return body;
    }

    /// <summary>Posts a form and expects the app's redirect after success; returns where it points.</summary>
    public async Task<string> PostFormAsync(string path, string token, IEnumerable<KeyValuePair<string, string>> fields,
        CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(fields.Append(new(TokenField, token)));
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new BenchException($"POST {path} answered {(int)response.StatusCode}, not 302{Where(response)}{Problems(body)}");
        }
        return response.Headers.Location?.OriginalString ?? "";
    }

    /// <summary>The antiforgery token of the first form on the page.</summary>
    public static string Token(string html) => InputValue(html, TokenField)
        ?? throw new BenchException("no antiforgery token on the page");

    /// <summary>The value attribute of the input with this name, as the page renders it.</summary>
    public static string? InputValue(string html, string name)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            if (input.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal) && ValueAttribute().Match(input.Value) is { Success: true } value)
            {
                return WebUtility.HtmlDecode(value.Groups[1].Value);
            }
        }
        return null;
    }

    /// <summary>Where the page's form with this field posts to (its action, or the page itself), so the
    /// bench follows the app's own forms instead of hard-coding handler names.</summary>
    public static string FormAction(string html, string field, string pagePath)
    {
        foreach (Match form in Form().Matches(html))
        {
            if (form.Groups[2].Value.Contains($"name=\"{field}\"", StringComparison.Ordinal))
            {
                var action = ActionAttribute().Match(form.Groups[1].Value);
                return action.Success && action.Groups[1].Value.Length > 0 ? WebUtility.HtmlDecode(action.Groups[1].Value) : pagePath;
            }
        }
        throw new BenchException($"no form with a field '{field}' on {pagePath}");
    }

    private static string Where(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? $" (to {location})" : "";

    /// <summary>The app's error summary, so a refused form says why.</summary>
    private static string Problems(string html)
    {
        var items = ErrorItem().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Trim())).ToList();
        return items.Count == 0 ? "" : ": " + string.Join("; ", items);
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("<form\\b([^>]*)>(.*?)</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("\\baction=\"([^\"]*)\"")]
    private static partial Regex ActionAttribute();

    [GeneratedRegex("<li>([^<]*)</li>")]
    private static partial Regex ErrorItem();
}
