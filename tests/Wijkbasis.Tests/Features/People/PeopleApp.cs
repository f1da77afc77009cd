namespace Wijkbasis.Tests.Features.People;

/// <summary>Small helpers for the register tests: the new-person form. (Demo logins are in DemoUsers, demo residents
/// in DemoPeople, both in Wijkbasis.Testing.)</summary>
public static class PeopleApp
{
    public static Dictionary<string, string> Form(string name, string? postcode = null, string? birthYear = null) => new()
    {
        ["Input.Name"] = name,
        ["Input.Postcode"] = postcode ?? "",
        ["Input.BirthYear"] = birthYear ?? "",
    };
}
