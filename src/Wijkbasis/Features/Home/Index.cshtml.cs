using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.Home;

public sealed class IndexModel(WijkbasisDb db) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public bool IsPlatformAdmin { get; private set; }
    public string? AnalystMunicipality { get; private set; }
    public List<EnterpriseLink> Enterprises { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        DisplayName = User.FindFirstValue(WijkbasisClaims.DisplayName) ?? User.Identity?.Name ?? "";
        IsPlatformAdmin = User.HasClaim(WijkbasisClaims.PlatformAdmin, "true");
        var memberships = await TenantBypass.MembershipsOfUser(db, userId)
            .Join(db.Enterprises, m => m.TenantId, e => e.Id, (m, e) => new { e.Name, e.Slug, m.Role })
            .ToListAsync();
        Enterprises = memberships.GroupBy(m => (m.Name, m.Slug))
            .Select(g => new EnterpriseLink(g.Key.Name, g.Key.Slug, g.Select(m => m.Role).ToList()))
            .OrderBy(e => e.Name, StringComparer.CurrentCulture)
            .ToList();
        AnalystMunicipality = await db.Users.Where(u => u.Id == userId && u.AnalystMunicipalityId != null)
            .Join(db.Municipalities, u => u.AnalystMunicipalityId, m => m.Id, (u, m) => m.Name)
            .SingleOrDefaultAsync();
    }

    public sealed record EnterpriseLink(string Name, string Slug, List<string> Roles);
}
