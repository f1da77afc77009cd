using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, IOptionsSnapshot<SecurityOptions> security) : PageModel
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
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWithTwoFactor", new { ReturnUrl });
        }
        if (result.IsLockedOut)
        {
            return this.Refuse(new Refusal(AccountMessages.LockedOut));
        }
        if (!result.Succeeded)
        {
            return this.Refuse(new Refusal("Het e-mailadres of wachtwoord klopt niet."));
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
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
