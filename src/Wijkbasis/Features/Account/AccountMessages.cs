namespace Wijkbasis.Features.Account;

public static class AccountMessages
{
    /// <summary>The one answer to a failed password login ({0}: Security:LoginLockoutMinutes): unknown address, wrong
    /// password, too many attempts and a locked account read the same, so it does not tell whether an address has an
    /// account.</summary>
    public const string LoginFailed = "Het e-mailadres of wachtwoord klopt niet. Na te veel pogingen moet u even wachten: probeer het dan over {0} minuten opnieuw.";

    /// <summary>Matches Identity's lockout after wrong authenticator or recovery codes (5 attempts, 15 minutes) in
    /// Infrastructure/Auth/AuthSetup.cs; only someone who knows the password gets to see it.</summary>
    public const string LockedOut = "Uw account is tijdelijk geblokkeerd na te veel pogingen. Probeer het over 15 minuten opnieuw.";
}
