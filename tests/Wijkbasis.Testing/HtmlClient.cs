using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Wijkbasis.Testing;

/// <summary>Talks to the app over HTTP as a browser without JavaScript would: keeps cookies, reads
/// the antiforgery token from the page's form and posts forms. Redirects are not followed
/// automatically so tests can see them.</summary>
public sealed class HtmlClient(HttpClient http)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public static HtmlClient For<T>(WebApplicationFactory<T> factory) where T : class =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        var response = await FollowAsync(await Http.GetAsync(url));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}\n{html[..Math.Min(html.Length, 2000)]}");
        return Parser.ParseDocument(html);
    }

    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var i = 0; i < 5 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; i++)
        {
            response = await Http.GetAsync(response.Headers.Location);
        }
        return response;
    }

    /// <summary>Posts the form on <paramref name="pageUrl"/> (the first one whose action matches
    /// <paramref name="formAction"/>, or the first form with a submit button in main) with these values
    /// on top of the form's own hidden fields. Returns the raw response.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, IDictionary<string, string> values, string? formAction = null)
    {
        var page = await GetPageAsync(pageUrl);
        var form = FindForm(page, formAction);
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (k, v) in values)
        {
            fields[k] = v;
        }
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await Http.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token of the page at <paramref name="url"/> (fetched now).</summary>
    public async Task<string> TokenAsync(string url) => TokenOf(await GetPageAsync(url));

    /// <summary>The antiforgery token in this page or form.</summary>
    public static string TokenOf(IParentNode pageOrForm) =>
        pageOrForm.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("No antiforgery token on the page");

    /// <summary>Posts without visiting the page first, e.g. with a forged or missing token.</summary>
    public Task<HttpResponseMessage> PostRawAsync(string url, IDictionary<string, string> values) =>
        Http.PostAsync(url, new FormUrlEncodedContent(values));

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    public static IHtmlFormElement FindForm(IHtmlDocument page, string? formAction)
    {
        var forms = page.QuerySelectorAll<IHtmlFormElement>("form[method=post]").ToList();
        var form = formAction is null
            ? page.QuerySelectorAll<IHtmlFormElement>("main form[method=post]").FirstOrDefault()
            : forms.FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains(formAction, StringComparison.OrdinalIgnoreCase));
        return form ?? throw new InvalidOperationException($"No form{(formAction is null ? "" : " for " + formAction)} on {page.Title}");
    }

    /// <summary>Logs in with password and, when asked, the current authenticator code.</summary>
    public async Task LoginAsync(WijkbasisFactory factory, string email)
    {
        var response = await SubmitAsync("/account/inloggen", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = WijkbasisFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString.StartsWith("/account/inloggen/code", StringComparison.Ordinal))
        {
            response = await SubmitAsync(response.Headers.Location.OriginalString, new Dictionary<string, string>
            {
                ["Code"] = factory.CodeFor(email),
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    public static async Task<HtmlClient> LoggedInAsync(WijkbasisFactory factory, string email)
    {
        var client = For(factory);
        await client.LoginAsync(factory, email);
        return client;
    }
}
