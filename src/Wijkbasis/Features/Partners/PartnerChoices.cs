using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Partners;

/// <summary>The choices the partner pages offer: buurten and the workers who can go along or follow up.</summary>
public static class PartnerChoices
{
    /// <summary>Coordinators and wijkverbinders of the enterprise: who can go along with a resident.</summary>
    public static async Task<List<(Guid Id, string Name)>> WorkersAsync(WijkbasisDb db, CancellationToken cancellationToken) =>
        (await db.Memberships.AsNoTracking().Where(m => m.Role == Roles.Coordinator || m.Role == Roles.Wijkverbinder)
            .Select(m => new { m.UserId, m.User!.DisplayName }).Distinct().ToListAsync(cancellationToken))
        .OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).Select(m => (m.UserId, m.DisplayName)).ToList();
}
