namespace Wijkbasis.Infrastructure.Auth;

public static class Roles
{
    public const string Coordinator = "Coordinator";
    public const string Volunteer = "Volunteer";
    public const string Wijkverbinder = "Wijkverbinder";
    public const string Buddy = "Buddy";
    public const string BudgetApprover = "BudgetApprover";
    /// <summary>Sees every case of the enterprise (a coordinator only sees cases with this role).</summary>
    public const string Caseworker = "Caseworker";
    public const string MunicipalityAnalyst = "MunicipalityAnalyst";
    public const string PlatformAdmin = "PlatformAdmin";

    /// <summary>Roles held inside one enterprise (the analyst and platform admin stand outside).</summary>
    public static readonly string[] EnterpriseRoles = [Coordinator, Volunteer, Wijkverbinder, Buddy, BudgetApprover, Caseworker];

    /// <summary>Roles that can see special-category data, so two-factor login is required.</summary>
    public static readonly string[] SpecialCategory = [Coordinator, Wijkverbinder, Buddy, BudgetApprover, Caseworker];

    public static string Label(string role) => role switch
    {
        Coordinator => "Coördinator",
        Volunteer => "Vrijwilliger",
        Wijkverbinder => "Wijkverbinder",
        Buddy => "Buddy",
        BudgetApprover => "Budgetbeheerder",
        Caseworker => "Casusregisseur",
        MunicipalityAnalyst => "Analist gemeente",
        PlatformAdmin => "Platformbeheerder",
        _ => role,
    };
}

public static class Policies
{
    /// <summary>Shifts and hours: a volunteer for themself (checked on the page), a coordinator for anyone.</summary>
    public const string Volunteering = "Volunteering";
    /// <summary>Volunteers, their roles and VOGs, contributions and the vrager → drager register.</summary>
    public const string VolunteerCoordination = "VolunteerCoordination";
    public const string RegisterView = "RegisterView";
    public const string RegisterEdit = "RegisterEdit";
    /// <summary>A person's whole record (contact details, vrager/drager, consent history).</summary>
    public const string PersonFile = "PersonFile";
    public const string ManageUsers = "ManageUsers";
    /// <summary>Vandaag and session logbooks; volunteers only for the sessions they host (checked on the page).</summary>
    public const string Logbook = "Logbook";
    /// <summary>Plan activities, locations, move or cancel sessions.</summary>
    public const string ActivityEdit = "ActivityEdit";
    /// <summary>The buddy pool: who can be asked to hold on to a resident.</summary>
    public const string BuddyPool = "BuddyPool";
    /// <summary>Intakes and triage (which intakes: the access filter decides).</summary>
    public const string Intakes = "Intakes";
    /// <summary>Cases and the contact log (which cases: the access filter decides).</summary>
    public const string Cases = "Cases";
    /// <summary>The pooled budget's overview, contributions and approvals.</summary>
    public const string Budget = "Budget";
    /// <summary>Outreach rounds, visits and signals.</summary>
    public const string Outreach = "Outreach";
    /// <summary>The offers/asks board of talents and needs (first names and buurt only).</summary>
    public const string TalentBoard = "TalentBoard";
    /// <summary>Talent cards, suggestions and guiding matches between neighbours.</summary>
    public const string Matches = "Matches";
    /// <summary>The enterprise's list of talent and need tags.</summary>
    public const string TalentTags = "TalentTags";
    /// <summary>The enterprise's income and spending (coordinator and budget approver; never a volunteer).</summary>
    public const string MoneyFlows = "MoneyFlows";
    /// <summary>The time bank: accounts and transfers (its settings: the coordinator, checked on the page).</summary>
    public const string TimeCredits = "TimeCredits";
    /// <summary>Rooms, their calendars and what is free (a volunteer too).</summary>
    public const string RoomsView = "RoomsView";
    /// <summary>Rooms, bookings, closed periods, requests from outside and rental income.</summary>
    public const string RoomsManage = "RoomsManage";
    public const string PlatformAdmin = "PlatformAdmin";
    /// <summary>Logged in, no tenant needed (start page, account pages).</summary>
    public const string SignedIn = "SignedIn";
}

public static class WijkbasisClaims
{
    public const string PlatformAdmin = "wb:platform-admin";
    public const string MfaRequired = "wb:mfa-required";
    public const string DisplayName = "wb:name";
}
