using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Account;

/// <summary>Sets a new password with the link from the reset mail. Two-factor login stays as it was.</summary>
public sealed class ResetPasswordModel(UserManager<AppUser> users) : PageModel
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
        TempData.Say("Uw nieuwe wachtwoord is opgeslagen. U kunt nu inloggen.");
        return RedirectToPage("/Account/Login");
    }
}
