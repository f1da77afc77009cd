namespace Wijkbasis.Tests.Features.Enterprise;

public static class InviteSteps
{
    /// <summary>A coordinator (already logged in) invites someone; returns the path of the one-time link
    /// from the e-mail the invitee receives.</summary>
    public static async Task<string> InviteAsync(WijkbasisFactory app, HtmlClient coordinator, string enterprise, string email, string role)
    {
        var invited = await coordinator.SubmitAsync($"/{enterprise}/gebruikers", new Dictionary<string, string> { ["Email"] = email, ["Role"] = role });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, invited.StatusCode);
        return app.InvitationPathFor(email);
    }

    /// <summary>The invited person makes an account with the link.</summary>
    public static Task<HttpResponseMessage> AcceptAsNewAsync(WijkbasisFactory app, string path, string name, string password) =>
        HtmlClient.For(app).SubmitAsync(path, new Dictionary<string, string> { ["DisplayName"] = name, ["Password"] = password });
}
