using System.Net;

namespace Wijkbasis.Bench;

/// <summary>A few check-ins, one after the other, exactly as wrk sends them (same cookie, token and form).
/// bench/run uses it to see which SQL statements one check-in costs on PostgreSQL, in the app and in the baseline.</summary>
internal static class Probe
{
    public static async Task<int> RunAsync(Options options)
    {
        var cancellationToken = CancellationToken.None;
        var data = await PhaseData.ReadAsync(options.Required("data"), cancellationToken);
        var count = Math.Min(options.Number("count", 5), data.People.Count);
        if (data.Sessions.Count == 0)
        {
            throw new BenchException("probe needs the data of a phase with a session");
        }
        var app = data.AsApp;
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(options.Required("url")),
        };
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            using var request = app
                ? new HttpRequestMessage(HttpMethod.Post, $"/{data.Slug}/sessies/{data.Sessions[0]}?handler=CheckIn")
                {
                    Content = new FormUrlEncodedContent([new("PersonId", data.People[i].ToString()), new(AppClient.TokenField, data.Token)]),
                }
                : new HttpRequestMessage(HttpMethod.Post, "/checkin")
                {
                    Content = new FormUrlEncodedContent([new("SessionId", data.Sessions[0].ToString()), new("PersonId", data.People[i].ToString())]),
                };
            if (app)
            {
                request.Headers.Add("Cookie", data.Cookie);
                // The headers of the page's script for a live check-in, as bench/checkin.lua sends them.
                request.Headers.Add("X-Logbook-Live", "1");
                request.Headers.Add("Accept", "application/json, text/html");
            }
            using var response = await http.SendAsync(request, cancellationToken);
            statuses.Add((int)response.StatusCode);
        }
        Console.WriteLine($"  probe: {count} check-ins answered {string.Join(' ', statuses)}");
        var success = app ? HttpStatusCode.Redirect : HttpStatusCode.NoContent;
        return statuses.All(s => s == (int)success) ? 0 : 1;
    }
}
