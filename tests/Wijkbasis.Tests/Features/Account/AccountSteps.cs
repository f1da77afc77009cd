using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Wijkbasis.Tests.Features.Account;

public static class AccountSteps
{
    public const string ClientHeader = "X-Test-Client";

    public static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email, ["Input.Password"] = password,
    };

    /// <summary>A client that the app sees at <paramref name="address"/> (see <see cref="ClientAddressFromHeader"/>).</summary>
    public static HtmlClient From(WijkbasisFactory app, string address)
    {
        var client = HtmlClient.For(app);
        client.Http.DefaultRequestHeaders.Add(ClientHeader, address);
        return client;
    }

    /// <summary>Asks for a reset link for <paramref name="email"/> on <paramref name="client"/>, follows it from the mail
    /// and sets <paramref name="password"/>. Returns the answer to that last post.</summary>
    public static async Task<HttpResponseMessage> ResetPasswordAsync(WijkbasisFactory app, HtmlClient client, string email, string password)
    {
        int ResetMails() => Directory.Exists(app.MailFolder)
            ? Directory.GetFiles(app.MailFolder, "*.eml").Count(f => File.ReadAllText(f) is var text
                && text.Contains(email, StringComparison.OrdinalIgnoreCase) && text.Contains("/account/nieuw-wachtwoord", StringComparison.Ordinal))
            : 0;
        var before = ResetMails();
        await client.SubmitAsync("/account/wachtwoord-vergeten", new Dictionary<string, string> { ["Email"] = email });
        for (var i = 0; i < 100 && ResetMails() == before; i++)
        {
            await Task.Delay(50);
        }
        var link = System.Text.RegularExpressions.Regex.Match(app.MailTo(email, containing: "/account/nieuw-wachtwoord"), "/account/nieuw-wachtwoord\\?\\S+").Value;
        return await client.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = password });
    }
}

/// <summary>In tests every request comes from no address; this lets a test say which client it is.</summary>
public sealed class ClientAddressFromHeader : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(AccountSteps.ClientHeader, out var value) && IPAddress.TryParse(value.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}
