using System.Security.Cryptography;
using System.Text;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Enterprise;

public static class Invitations
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(14);

    public static string HashToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Invites an e-mail address to a role in the current enterprise and returns the one-time
    /// link token to hand over. Also for an address that already has an account: the role is only given
    /// when that person accepts while logged in, and the coordinator learns nothing about other accounts.</summary>
    public static async Task<string> InviteAsync(WijkbasisDb db, TimeProvider time, string email, string role,
        Guid invitedBy, CancellationToken cancellationToken)
    {
        if (!Roles.EnterpriseRoles.Contains(role))
        {
            throw new ArgumentException("Not an enterprise role.", nameof(role));
        }
        var now = time.UtcNow();
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        db.Invitations.Add(new Invitation
        {
            Email = email.Trim(),
            Role = role,
            TokenHash = HashToken(token),
            CreatedAt = now,
            ExpiresAt = now + ValidFor,
            CreatedByUserId = invitedBy,
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }
}
