using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Wijkbasis.Features.Account;

public sealed class AccountArea : Area
{
    /// <summary>Logged in, no enterprise needed (start page, account pages).</summary>
    public const string SignedIn = "SignedIn";

    public override IEnumerable<AreaPolicy> Policies => [AreaPolicy.SignedIn(SignedIn)];

    public override void ConfigurePages(PageConventionCollection pages)
    {
        foreach (var page in new[] { "Login", "LoginWithTwoFactor", "LoginWithRecoveryCode", "Invitation", "ForgotPassword", "ResetPassword" })
        {
            pages.AllowAnonymousToPage("/Account/" + page);
        }
        foreach (var page in new[] { "Logout", "Index", "ChangePassword", "TwoFactor" })
        {
            pages.AuthorizePage("/Account/" + page, SignedIn);
        }
    }

    public override IEnumerable<MenuEntry> Menu => [new("Mijn account", "/Account/Index", SignedIn, 1000)];
}
