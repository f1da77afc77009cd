using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Features.Partners;

/// <summary>The choices the partner pages offer: buurten and the workers who can go along or follow up.</summary>
public static class PartnerChoices
{
    /// <summary>The buurten where the enterprise's people live or its partners sit (not every buurt of the country).</summary>
    public static async Task<List<(string Code, string Name)>> BuurtenAsync(WijkbasisDb db, CancellationToken cancellationToken) =>
        (await db.PostcodeAreas.AsNoTracking()
            .Where(a => db.People.Any(p => p.BuurtCode == a.BuurtCode)
                || db.Organisations.Any(o => o.BuurtCode == a.BuurtCode))
            .Select(a => new { a.BuurtCode, a.BuurtName }).Distinct().ToListAsync(cancellationToken))
        .Select(a => (a.BuurtCode, a.BuurtName))
        .OrderBy(a => a.BuurtName, StringComparer.CurrentCulture).ToList();

    /// <summary>Coordinators and wijkverbinders of the enterprise: who can go along with a resident.</summary>
    public static async Task<List<(Guid Id, string Name)>> WorkersAsync(WijkbasisDb db, CancellationToken cancellationToken) =>
        (await db.Memberships.AsNoTracking().Where(m => m.Role == Roles.Coordinator || m.Role == Roles.Wijkverbinder)
            .Select(m => new { m.UserId, m.User!.DisplayName }).Distinct().ToListAsync(cancellationToken))
        .OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).Select(m => (m.UserId, m.DisplayName)).ToList();
}
