using Microsoft.EntityFrameworkCore;

namespace Wijkbasis.Tests.Features.Logbook;

/// <summary>Helpers for the logbook tests: a session of their own, at a time relative to now, so tests do
/// not depend on the day of the week the suite runs.</summary>
public static class LogbookApp
{
    public static Task<Guid> NewSessionAsync(WijkbasisFactory app, string enterprise = "huiskamer", TimeSpan? startedAgo = null,
        string? hostEmail = null, bool cancelled = false, bool closed = false, string name = "Testochtend") =>
        app.NewSessionAsync(enterprise, startedAgo, hostEmail, cancelled, closed, name);

    public static Task<int> CheckInsAsync(WijkbasisFactory app, Guid sessionId, string enterprise = "huiskamer") =>
        app.InDbAsync(enterprise, db => db.CheckIns.CountAsync(c => c.SessionId == sessionId));

    /// <summary>Posts one of the logbook's forms (by handler) with a token from the page.</summary>
    public static Task<HttpResponseMessage> PostAsync(HtmlClient client, Guid sessionId, string handler, Dictionary<string, string> values,
        string enterprise = "huiskamer") =>
        TestForms.PostAsync(client, $"/{enterprise}/sessies/{sessionId}", handler, values);

    public static async Task<string> AlertTextAsync(HttpResponseMessage response) =>
        (await HtmlClient.ParseAsync(response)).QuerySelector("[role=alert]")?.TextContent ?? "";
}
