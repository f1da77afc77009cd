using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Enterprise;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Account;

/// <summary>Someone invited by a coordinator takes the role here: a new person creates an account; someone
/// with an account accepts while logged in as that account, so nobody gets a role without agreeing.</summary>
public sealed class InvitationModel(WijkbasisDb db, UserManager<AppUser> users, SignInManager<AppUser> signIn,
    TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul uw naam in."), StringLength(100, ErrorMessage = "Uw naam mag maximaal {1} tekens lang zijn.")]
    public string DisplayName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Kies een wachtwoord."), StringLength(200, ErrorMessage = "Het wachtwoord is te lang.")]
    public string Password { get; set; } = "";

    public bool Invalid { get; private set; }
    public bool AccountExists { get; private set; }
    public bool SignedInAsInvitee { get; private set; }
    public bool SignedInAsOther { get; private set; }
    public string EnterpriseName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Role { get; private set; } = "";
    public string Path => Request.Path;

    public async Task OnGetAsync(string token, CancellationToken cancellationToken) =>
        await LoadAsync(token, cancellationToken);

    /// <summary>A new person: create the account and the role together.</summary>
    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var invitation = await LoadAsync(token, cancellationToken);
        if (invitation is null || AccountExists || SignedInAsOther || SignedInAsInvitee || !ModelState.IsValid)
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
            return this.Refuse();
        }
        await GrantAsync(invitation, user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // The link proved the mailbox: logged in at once, and this login may set up two-factor (which a role that sees
        // special-category data must do before anything else; a password login alone may not).
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(Infrastructure.Auth.WijkbasisClaims.MayEnrol, "true")]);
        TempData.Say("Uw account is gemaakt. U bent ingelogd.");
        return RedirectToPage("/Home/Index");
    }

    /// <summary>An existing account, logged in as the invited address: add the role.</summary>
    public async Task<IActionResult> OnPostAcceptAsync(string token, CancellationToken cancellationToken)
    {
        var invitation = await LoadAsync(token, cancellationToken);
        if (invitation is null || !SignedInAsInvitee)
        {
            return Page();
        }
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        await GrantAsync(invitation, userId, cancellationToken);
        // New roles may require two-factor login: rebuild the claims now. The link proved the mailbox, so this login
        // may set up two-factor if it is not on yet.
        var user = await users.FindByIdAsync(userId.ToString());
        Claim[] kept = [.. User.FindAll("amr").Select(c => new Claim("amr", c.Value)), new Claim(Infrastructure.Auth.WijkbasisClaims.MayEnrol, "true")];
        await signIn.SignInWithClaimsAsync(user!, isPersistent: false, kept);
        TempData.Say("U heeft nu de rol {0} bij {1}.", Infrastructure.Auth.Roles.Label(invitation.Role), EnterpriseName);
        return RedirectToPage("/Home/Index");
    }

    private async Task GrantAsync(Invitation invitation, Guid userId, CancellationToken cancellationToken)
    {
        var enterprise = await db.Enterprises.SingleAsync(e => e.Id == invitation.TenantId, cancellationToken);
        tenant.Enter(enterprise, []);
        if (!await db.Memberships.AnyAsync(m => m.UserId == userId && m.Role == invitation.Role, cancellationToken))
        {
            db.Memberships.Add(new Membership { UserId = userId, Role = invitation.Role, CreatedAt = time.UtcNow() });
        }
        invitation.AcceptedAt = time.UtcNow();
        await db.SaveChangesAsync(cancellationToken);
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
        var normalized = invitation.Email.ToUpperInvariant();
        AccountExists = await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (User.Identity?.IsAuthenticated == true)
        {
            var mine = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity.Name ?? "";
            SignedInAsInvitee = string.Equals(mine, invitation.Email, StringComparison.OrdinalIgnoreCase);
            SignedInAsOther = !SignedInAsInvitee;
        }
        return invitation;
    }
}
