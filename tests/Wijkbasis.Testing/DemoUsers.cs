namespace Wijkbasis.Testing;

/// <summary>The demo logins the tests act as (see Features/Demo/DemoNeighbourhood.Users); every test project imports
/// them statically (<c>Coordinator</c>, <c>Bert</c>, …). All log in with <see cref="WijkbasisFactory.Password"/>.</summary>
public static class DemoUsers
{
    // De Huiskamer Klarendal (huiskamer)
    public const string Coordinator = "coordinator@huiskamer.demo";
    /// <summary>The demo volunteer, linked to a volunteer record of De Huiskamer.</summary>
    public const string Volunteer = "vrijwilliger@huiskamer.demo";
    public const string Wijkverbinder = "wijkverbinder@huiskamer.demo";
    public const string OtherWijkverbinder = "wijkverbinder2@huiskamer.demo";
    public const string Approver = "budget@huiskamer.demo";
    public const string Caseworker = "casusregisseur@huiskamer.demo";
    /// <summary>Buddies: Bert Buddy, Stijn Student, Hanneke Visser, Erik Ervaring, Youssef El Amrani.</summary>
    public const string Bert = "buddy@huiskamer.demo";
    public const string Stijn = "student@huiskamer.demo";
    public const string Hanneke = "buddy2@huiskamer.demo";
    public const string Erik = "ervaring@huiskamer.demo";
    public const string Youssef = "buddy3@huiskamer.demo";

    // The other enterprises
    public const string OtherCoordinator = "coordinator@groene-spijker.demo";
    public const string YouthCoordinator = "coordinator@jongeren-malburgen.demo";

    // Across enterprises
    public const string PlatformAdmin = "beheer@wijkbasis.demo";
    public const string Analyst = "analist@arnhem.demo";
}
