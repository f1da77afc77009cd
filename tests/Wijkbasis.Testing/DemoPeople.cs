using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.People;
using Wijkbasis.Infrastructure.Auth;

namespace Wijkbasis.Testing;

/// <summary>Residents of the demo register for the tests, picked by what they are (current, by name), never by row
/// order: ids are time-ordered random Guids, so "the first id" is whatever the generator happened to insert first.
/// Every test project imports these statically.</summary>
public static class DemoPeople
{
    /// <summary>The people of an enterprise with exactly this name.</summary>
    public static Task<List<Person>> FindAsync(WijkbasisFactory app, string name, string enterprise = "huiskamer") =>
        app.InDbAsync(enterprise, db => db.People.Where(p => p.Name == name).ToListAsync());

    /// <summary>A current (not archived) resident: the <paramref name="index"/>-th by name, so tests that must not
    /// share a resident ask for different indexes.</summary>
    public static Task<Guid> PersonIdAsync(WijkbasisFactory app, int index = 0, string enterprise = "huiskamer") =>
        app.InDbAsync(enterprise, db => db.People.Where(p => p.ArchivedAt == null)
            .OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => p.Id).Skip(index).FirstAsync());

    /// <summary>Any current resident of the enterprise.</summary>
    public static Task<Guid> AnyPersonIdAsync(WijkbasisFactory app, string enterprise) => PersonIdAsync(app, 0, enterprise);

    /// <summary>Work in De Huiskamer as its caseworker, who sees every case and intake past the buddy programme's access filter.</summary>
    public static Task<T> AsCaseworkAsync<T>(this WijkbasisFactory app, Func<Wijkbasis.Data.WijkbasisDb, Task<T>> work) =>
        app.InDbAsync("huiskamer", [Roles.Caseworker], work);
}
