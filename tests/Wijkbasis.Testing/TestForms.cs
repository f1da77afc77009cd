namespace Wijkbasis.Testing;

/// <summary>Posting a page's handler and reading what the page answered, for every area's tests (imported statically:
/// <c>await PostAsync(client, page, "Spend", values)</c>, <c>await ErrorsAsync(response)</c>).</summary>
public static class TestForms
{
    /// <summary>The antiforgery token of the page at <paramref name="url"/>, as <paramref name="client"/> gets it now.</summary>
    public static Task<string> TokenAsync(HtmlClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.TokenAsync(url);
    }

    /// <summary>Posts a handler of a page (<c>page?handler=X</c>) with these values and a fresh antiforgery token from
    /// that page; no form for the handler is needed on the page. Returns the raw response.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HtmlClient client, string page, string handler, Dictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(values);
        values["__RequestVerificationToken"] = await client.TokenAsync(page);
        return await client.Http.PostAsync($"{page}{(page.Contains('?', StringComparison.Ordinal) ? "&" : "?")}handler={handler}", new FormUrlEncodedContent(values));
    }

    /// <summary>Every error on the answered page: field errors and alerts, joined with " | ".</summary>
    public static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        string.Join(" | ", (await HtmlClient.ParseAsync(response)).QuerySelectorAll(".wb-error, [role=alert]").Select(e => e.TextContent.Trim()));
}
