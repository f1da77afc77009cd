using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Enterprise;

public static class Invitations
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(14);

    public static string HashToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Invites an e-mail address to a role in the current enterprise. An existing account gets
    /// the role at once (returns null); otherwise returns the one-time link token to hand over.</summary>
    public static async Task<string?> InviteAsync(WijkbasisDb db, TimeProvider time, string email, string role,
        Guid invitedBy, CancellationToken cancellationToken)
    {
        if (!Roles.EnterpriseRoles.Contains(role))
        {
            throw new ArgumentException("Not an enterprise role.", nameof(role));
        }
        var normalized = email.Trim().ToUpperInvariant();
        var existing = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        var now = time.UtcNow();
        if (existing is { } userId)
        {
            if (!await db.Memberships.AnyAsync(m => m.UserId == userId && m.Role == role, cancellationToken))
            {
                db.Memberships.Add(new Membership { UserId = userId, Role = role, CreatedAt = now });
                await db.SaveChangesAsync(cancellationToken);
            }
            return null;
        }
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
