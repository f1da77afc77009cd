using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbasis.Data;

namespace Wijkbasis.Features.Account;

public sealed class IndexModel(UserManager<AppUser> users) : PageModel
{
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool TwoFactor { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        (Name, Email, TwoFactor) = (user.DisplayName, user.Email ?? "", user.TwoFactorEnabled);
        return Page();
    }
}
