namespace Wijkbasis.Features.People;

public static class ConsentLabels
{
    public static string Of(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Participation => "Meedoen aan activiteiten",
        ConsentPurpose.BuddyProgramme => "Buddyprogramma",
        ConsentPurpose.Reporting => "Verhalen en cijfers in rapportages",
        ConsentPurpose.ContactByEmail => "Contact per e-mail",
        ConsentPurpose.PhotosAndStories => "Foto's en verhalen delen",
        ConsentPurpose.TalentsInMunicipality => "Aanbod tonen aan andere plekken in de gemeente",
        ConsentPurpose.ShareOnReferral => "Gegevens delen bij doorverwijzen",
        _ => purpose.ToString(),
    };

    public static string Of(LegalBasis basis) => basis switch
    {
        LegalBasis.Consent => "Toestemming",
        LegalBasis.PublicTask => "Publieke taak (bijv. Wmo, Jeugdwet)",
        LegalBasis.LegitimateInterest => "Gerechtvaardigd belang",
        LegalBasis.LegalObligation => "Wettelijke plicht",
        LegalBasis.VitalInterest => "Vitaal belang",
        LegalBasis.Contract => "Overeenkomst",
        _ => basis.ToString(),
    };
}
