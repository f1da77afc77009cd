using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Enterprise;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Account;

/// <summary>Someone invited by a coordinator creates their account here, in the invitation's enterprise.</summary>
public sealed class InvitationModel(WijkbasisDb db, UserManager<AppUser> users, TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul uw naam in."), StringLength(100, ErrorMessage = "Uw naam mag maximaal {1} tekens lang zijn.")]
    public string DisplayName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Kies een wachtwoord."), StringLength(200, ErrorMessage = "Het wachtwoord is te lang.")]
    public string Password { get; set; } = "";

    public bool Invalid { get; private set; }
    public string EnterpriseName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Role { get; private set; } = "";

    public async Task OnGetAsync(string token, CancellationToken cancellationToken) =>
        await LoadAsync(token, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var invitation = await LoadAsync(token, cancellationToken);
        if (invitation is null || !ModelState.IsValid)
        {
            return Page();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new AppUser { UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, DisplayName = DisplayName.Trim() };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Description);
            }
            return Page();
        }
        var enterprise = await db.Enterprises.SingleAsync(e => e.Id == invitation.TenantId, cancellationToken);
        tenant.Enter(enterprise.Id, enterprise.Slug, enterprise.Name, enterprise.MunicipalityId, []);
        db.Memberships.Add(new Membership { UserId = user.Id, Role = invitation.Role, CreatedAt = time.UtcNow() });
        invitation.AcceptedAt = time.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Message"] = "Uw account is gemaakt. Log in met uw e-mailadres en wachtwoord.";
        return Redirect("/account/inloggen");
    }

    private async Task<Invitation?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var invitation = await TenantBypass.InvitationByTokenHash(db, Invitations.HashToken(token))
            .SingleOrDefaultAsync(i => i.AcceptedAt == null && i.ExpiresAt > now, cancellationToken);
        if (invitation is null)
        {
            Invalid = true;
            return null;
        }
        EnterpriseName = await db.Enterprises.Where(e => e.Id == invitation.TenantId).Select(e => e.Name).SingleAsync(cancellationToken);
        Email = invitation.Email;
        Role = invitation.Role;
        return invitation;
    }
}
