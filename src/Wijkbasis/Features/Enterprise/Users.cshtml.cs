using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Time;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Enterprise;

public sealed class UsersModel(WijkbasisDb db, TimeProvider time, Invitations invitations) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Vul een e-mailadres in.")]
    [EmailAddress(ErrorMessage = "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")]
    [StringLength(200, ErrorMessage = "Het e-mailadres mag maximaal {1} tekens lang zijn.")]
    public string Email { get; set; } = "";

    [BindProperty] public string Role { get; set; } = Roles.Volunteer;

    public List<Member> Members { get; private set; } = [];
    public List<Invitation> Pending { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (!Roles.EnterpriseRoles.Contains(Role))
        {
            ModelState.AddRefusal(nameof(Role), new("Kies een rol uit de lijst."));
        }
        if (ModelState.IsValid && !Infrastructure.Mail.Mailer.IsSingleAddress(Email))
        {
            ModelState.AddRefusal(nameof(Email), new("Vul één e-mailadres in, zoals naam@voorbeeld.nl."));
        }
        // Four eyes: the roles that see every case or approve money are given by someone else.
        if (ModelState.IsValid && Role is Roles.Caseworker or Roles.BudgetApprover or Roles.ConsentOverride
            && string.Equals(Email.Trim(), User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddRefusal(nameof(Role), new("U kunt uzelf deze rol niet geven. Vraag een andere coördinator."));
        }
        if (ModelState.IsValid)
        {
            var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
            try
            {
                await invitations.InviteAsync(Email.Trim(), Role, me, User.FindFirstValue(WijkbasisClaims.DisplayName) ?? "", cancellationToken);
                TempData.Say("De uitnodiging is per e-mail verstuurd naar {0}. De link werkt 14 dagen.", Email.Trim());
                return RedirectToPage();
            }
            catch (Infrastructure.Mail.MailNotSentException)
            {
                ModelState.AddRefusal(nameof(Email), new("De e-mail kon niet worden verstuurd. Er is niets opgeslagen. Probeer het later opnieuw."));
            }
        }
        return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
    }

    /// <summary>Set when a coordinator asked to revoke a role: the page asks to confirm first.</summary>
    public Member? ConfirmRevoke { get; private set; }

    public async Task<IActionResult> OnPostRevokeAsync(Guid membershipId, bool confirmed, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId, cancellationToken);
        if (membership is null)
        {
            return NotFound();
        }
        if (!confirmed)
        {
            await LoadAsync(cancellationToken);
            ConfirmRevoke = Members.Single(m => m.MembershipId == membershipId);
            return Page();
        }
        var lastCoordinator = membership.Role == Roles.Coordinator
            && await db.Memberships.CountAsync(m => m.Role == Roles.Coordinator, cancellationToken) == 1;
        if (lastCoordinator)
        {
            TempData.Say("Dit is de laatste coördinator. Nodig eerst een andere coördinator uit.");
            return RedirectToPage();
        }
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De rol is ingetrokken.");
        return RedirectToPage();
    }

    /// <summary>A link given to the wrong person can be made useless before it is used.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.AcceptedAt == null, cancellationToken);
        if (invitation is null)
        {
            return NotFound();
        }
        db.Invitations.Remove(invitation);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De uitnodiging voor {0} is ingetrokken. De link werkt niet meer.", invitation.Email);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Members = await db.Memberships
            .OrderBy(m => m.User!.DisplayName).ThenBy(m => m.Role)
            .Select(m => new Member(m.Id, m.User!.DisplayName, m.User.Email ?? "", m.Role, m.User.TwoFactorEnabled))
            .ToListAsync(cancellationToken);
        var now = time.UtcNow();
        Pending = await db.Invitations.Where(i => i.AcceptedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt).ToListAsync(cancellationToken);
    }

    public sealed record Member(Guid MembershipId, string Name, string Email, string Role, bool TwoFactor);
}
