using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Account;

/// <summary>The password step. Every failure gets one answer, in about the same time: an unknown address, a wrong
/// password, a blocked client and a locked account look alike (an unknown address checks a dummy hash). Failures are
/// counted per address-and-client and per client (<see cref="LoginThrottle"/>), not on the account, so nobody can lock
/// out someone else by typing wrong passwords for their address.</summary>
public sealed class LoginModel(SignInManager<AppUser> signIn, IOptionsSnapshot<SecurityOptions> security,
    LoginThrottle throttle, DummyPassword dummy) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool TwoFactorRequired => security.Value.RequireTwoFactor;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        var email = Input.Email.Trim();
        var client = HttpContext.Connection.RemoteIpAddress;
        if (throttle.IsBlocked(email, client))
        {
            dummy.Check(Input.Password);
            return this.Refuse(Failed());
        }
        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            dummy.Check(Input.Password);
            throttle.Failed(email, client);
            return this.Refuse(Failed());
        }
        // Wrong passwords do not count on the account (the throttle counts them); wrong authenticator codes do, since
        // only someone who knows the password gets that far.
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            throttle.Succeeded(email, client);
            return result.RequiresTwoFactor
                ? RedirectToPage("LoginWithTwoFactor", new { ReturnUrl })
                : LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.IsLockedOut || result.IsNotAllowed)
        {
            // Refused before the password was checked: spend the same time.
            dummy.Check(Input.Password);
        }
        throttle.Failed(email, client);
        return this.Refuse(Failed());
    }

    private Refusal Failed() => new(AccountMessages.LoginFailed, security.Value.LoginLockoutMinutes);
}

public sealed class LoginInput
{
    [Required(ErrorMessage = "Vul uw e-mailadres in.")]
    [StringLength(200, ErrorMessage = "Het e-mailadres is te lang.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Vul uw wachtwoord in.")]
    [StringLength(200, ErrorMessage = "Het wachtwoord is te lang.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}
