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
    /// <summary>May share a resident's details with a partner organisation without consent in force, with a reason that is
    /// audited (warm referrals, docs/decisions/0026). A grant on its own: it opens no page.</summary>
    public const string ConsentOverride = "ConsentOverride";
    public const string MunicipalityAnalyst = "MunicipalityAnalyst";
    public const string PlatformAdmin = "PlatformAdmin";

    /// <summary>Roles held inside one enterprise (the analyst and platform admin stand outside).</summary>
    public static readonly string[] EnterpriseRoles = [Coordinator, Volunteer, Wijkverbinder, Buddy, BudgetApprover, Caseworker, ConsentOverride];

    /// <summary>Roles that can see special-category data, so two-factor login is required.</summary>
    public static readonly string[] SpecialCategory = [Coordinator, Wijkverbinder, Buddy, BudgetApprover, Caseworker, ConsentOverride];

    public static string Label(string role) => role switch
    {
        Coordinator => "Coördinator",
        Volunteer => "Vrijwilliger",
        Wijkverbinder => "Wijkverbinder",
        Buddy => "Buddy",
        BudgetApprover => "Budgetbeheerder",
        Caseworker => "Casusregisseur",
        ConsentOverride => "Delen zonder toestemming (doorverwijzen)",
        MunicipalityAnalyst => "Analist gemeente",
        PlatformAdmin => "Platformbeheerder",
        _ => role,
    };
}

public static class WijkbasisClaims
{
    public const string PlatformAdmin = "wb:platform-admin";
    public const string MfaRequired = "wb:mfa-required";
    public const string DisplayName = "wb:name";
    /// <summary>The municipality (its id) whose figures a municipality analyst sees; absent for everyone else.</summary>
    public const string MunicipalityAnalyst = "wb:municipality-analyst";
    /// <summary>This login came through an invitation or a password-reset link (proof of the mailbox), so it may set up
    /// two-factor login; a password alone may not for a user who must use it.</summary>
    public const string MayEnrol = "wb:may-enrol";
}
