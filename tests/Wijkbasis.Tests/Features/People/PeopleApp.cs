using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.People;

namespace Wijkbasis.Tests.Features.People;

/// <summary>Small helpers for the register tests: log in once per role, read rows back.</summary>
public static class PeopleApp
{
    public const string Coordinator = "coordinator@huiskamer.demo";
    public const string Volunteer = "vrijwilliger@huiskamer.demo";
    public const string Wijkverbinder = "wijkverbinder@huiskamer.demo";
    public const string OtherCoordinator = "coordinator@groene-spijker.demo";

    public static Dictionary<string, string> Form(string name, string? postcode = null, string? birthYear = null) => new()
    {
        ["Input.Name"] = name,
        ["Input.Postcode"] = postcode ?? "",
        ["Input.BirthYear"] = birthYear ?? "",
    };

    public static Task<List<Person>> FindAsync(WijkbasisFactory app, string name, string enterprise = "huiskamer") =>
        app.InDbAsync(enterprise, db => db.People.Where(p => p.Name == name).ToListAsync());

    public static Task<Guid> AnyPersonIdAsync(WijkbasisFactory app, string enterprise) =>
        app.InDbAsync(enterprise, db => db.People.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
}
