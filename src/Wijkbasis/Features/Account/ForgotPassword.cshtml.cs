using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Mail;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Account;

/// <summary>Sends a reset link to the address, if it has an account. The answer is the same either way,
/// so nobody learns from this page who has an account.</summary>
public sealed class ForgotPasswordModel(UserManager<AppUser> users, MailQueue mailQueue, IOptions<MailOptions> mail) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Vul uw e-mailadres in.")]
    [StringLength(200, ErrorMessage = "Het e-mailadres is te lang.")]
    [EmailAddress(ErrorMessage = "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = $"{mail.Value.PublicUrl.TrimEnd('/')}/account/nieuw-wachtwoord?email={Uri.EscapeDataString(user.Email!)}&code={Uri.EscapeDataString(token)}";
            // Queued, not sent while the visitor waits: the answer takes the same time for every address.
            mailQueue.Enqueue(user.Email!, "Nieuw wachtwoord voor Wijkbasis",
                $"""
                Hallo {user.DisplayName},

                U vroeg om een nieuw wachtwoord voor Wijkbasis. Kies het via deze link (hij werkt 3 uur):
                {link}

                Vroeg u dit niet? Dan kunt u deze e-mail negeren. Uw wachtwoord blijft hetzelfde.
                """);
        }
        Sent = true;
        return Page();
    }
}
