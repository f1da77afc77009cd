namespace Wijkbasis.Features.Account;

public static class AccountMessages
{
    /// <summary>Matches Identity's lockout (5 attempts, 15 minutes) in Infrastructure/Auth/AuthSetup.cs.</summary>
    public const string LockedOut = "Uw account is tijdelijk geblokkeerd na te veel pogingen. Probeer het over 15 minuten opnieuw.";
}
