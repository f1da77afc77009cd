using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.Account;

/// <summary>Sets a new password with the link from the reset mail. Two-factor login stays as it was; a user who must
/// use it and has not set it up yet is logged in here to do so (the link proves the mailbox, see TwoFactorModel).</summary>
public sealed class ResetPasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, WijkbasisDb db,
    IOptionsSnapshot<SecurityOptions> security) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Email { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Kies een wachtwoord."), StringLength(200, ErrorMessage = "Het wachtwoord is te lang.")]
    public string Password { get; set; } = "";

    public void OnGet() => ModelState.Clear();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        var user = await users.FindByEmailAsync(Email);
        // An unknown address gets the same answer as a wrong code.
        var result = user is null ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken()) : await users.ResetPasswordAsync(user, Code, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Code == nameof(IdentityErrorDescriber.InvalidToken)
                    ? "Deze link werkt niet (meer). Vraag een nieuwe aan via ‘Wachtwoord vergeten’."
                    : error.Description);
            }
            return this.Refuse();
        }
        if (security.Value.RequireTwoFactor && !user!.TwoFactorEnabled
            && await TenantBypass.MembershipsOfUser(db, user.Id).AnyAsync(m => Roles.SpecialCategory.Contains(m.Role), HttpContext.RequestAborted))
        {
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new System.Security.Claims.Claim(WijkbasisClaims.MayEnrol, "true")]);
            TempData.Say("Uw nieuwe wachtwoord is opgeslagen. Zet nu tweestapsverificatie aan.");
            return RedirectToPage("/Account/TwoFactor");
        }
        TempData.Say("Uw nieuwe wachtwoord is opgeslagen. U kunt nu inloggen.");
        return RedirectToPage("/Account/Login");
    }
}
