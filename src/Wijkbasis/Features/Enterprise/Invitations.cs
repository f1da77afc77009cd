using System.Security.Cryptography;
using System.Text;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Mail;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Enterprise;

/// <summary>Invites an e-mail address to a role in the current enterprise. The one-time link goes only to
/// that mailbox: the inviter never sees it, so nobody can take an account or a role meant for someone else.
/// For an address that already has an account, the role is only given when that person accepts while
/// logged in, and the inviter learns nothing about accounts elsewhere.</summary>
public sealed class Invitations(WijkbasisDb db, TenantContext tenant, TimeProvider time, Mailer mailer,
    Microsoft.Extensions.Options.IOptions<MailOptions> mail)
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(14);

    public static string HashToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Throws <see cref="MailNotSentException"/> when the mail cannot go; nothing is left behind then.</summary>
    public async Task InviteAsync(string email, string role, Guid invitedBy, string invitedByName,
        CancellationToken cancellationToken)
    {
        if (!Roles.EnterpriseRoles.Contains(role))
        {
            throw new ArgumentException("Not an enterprise role.", nameof(role));
        }
        var now = time.UtcNow();
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        email = email.Trim();
        var invitation = new Invitation
        {
            Email = email,
            Role = role,
            TokenHash = HashToken(token),
            CreatedAt = now,
            ExpiresAt = now + ValidFor,
            CreatedByUserId = invitedBy,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        // Sent after the commit, so no lock is held while a mail server thinks. If it cannot go, the
        // invitation is taken back and the caller tells the coordinator.
        try
        {
            await mailer.SendAsync(email, $"Uitnodiging voor {tenant.Name} in Wijkbasis",
                $"""
                Hallo,

                {invitedByName} nodigt u uit om mee te doen bij {tenant.Name} in Wijkbasis, als {Roles.Label(role).ToLowerInvariant()}.

                Open deze link om mee te doen. De link werkt één keer en 14 dagen lang:
                {mail.Value.PublicUrl.TrimEnd('/')}/uitnodiging/{token}

                Verwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren.
                """, CancellationToken.None);
        }
        catch (MailNotSentException)
        {
            db.Invitations.Remove(invitation);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }
}
