using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Account;

public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul uw huidige wachtwoord in."), StringLength(200, ErrorMessage = "Het wachtwoord is te lang.")]
    [DataType(DataType.Password)]
    public string Current { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Kies een wachtwoord."), StringLength(200, ErrorMessage = "Het wachtwoord is te lang.")]
    public string Password { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        // A wrong current password counts towards the lockout, as at login.
        var check = await signIn.CheckPasswordSignInAsync(user, Current, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError(nameof(Current), check.IsLockedOut ? AccountMessages.LockedOut : "Het wachtwoord klopt niet.");
            return this.Refuse();
        }
        var result = await users.ChangePasswordAsync(user, Current, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(Current) : nameof(Password), error.Description);
            }
            return this.Refuse();
        }
        // The security stamp changed, so other sessions end at their next check (within a minute);
        // this session goes on, two-factor mark included.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, User.FindAll("amr").Select(c => new Claim(c.Type, c.Value)));
        TempData.Say("Uw nieuwe wachtwoord is opgeslagen.");
        return RedirectToPage("/Account/Index");
    }
}
