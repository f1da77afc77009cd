using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Features.Shared;

/// <summary>Buurten to choose from in a filter or a form, by name: the ones the enterprise works in, not every buurt of
/// the country.</summary>
public static class BuurtChoices
{
    /// <summary>Where the enterprise's people live, its partner organisations sit or its places on the buurtkaart are.</summary>
    public static Task<List<(string Code, string Name)>> OfEnterpriseAsync(WijkbasisDb db, CancellationToken cancellationToken) =>
        ByNameAsync(db.PostcodeAreas.Where(a => db.People.Any(p => p.BuurtCode == a.BuurtCode)
            || db.Organisations.Any(o => o.BuurtCode == a.BuurtCode) || db.Assets.Any(x => x.BuurtCode == a.BuurtCode)), cancellationToken);

    /// <summary>The given buurt codes with their names.</summary>
    public static Task<List<(string Code, string Name)>> NamedAsync(WijkbasisDb db, IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        ByNameAsync(db.PostcodeAreas.Where(a => codes.Contains(a.BuurtCode)), cancellationToken);

    private static async Task<List<(string Code, string Name)>> ByNameAsync(IQueryable<PostcodeArea> areas, CancellationToken cancellationToken) =>
        (await areas.AsNoTracking().Select(a => new { a.BuurtCode, a.BuurtName }).Distinct().ToListAsync(cancellationToken))
        .Select(a => (a.BuurtCode, a.BuurtName))
        .OrderBy(a => a.BuurtName, StringComparer.CurrentCulture).ToList();
}
