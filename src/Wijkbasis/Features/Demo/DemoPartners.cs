using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Partners;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Demo;

/// <summary>The partners of De Huiskamer (the web of the seeds: wijkteam, corporation, GGD, debt help, school, library,
/// wijkagent, a shop), their contacts and werkafspraken, and a dozen warm referrals of the last months with outcomes; one
/// follow-up of the demo wijkverbinder is due today, so Vandaag shows it. Wessel Wijkverbinder holds the consent override.
/// The buurtkaart's assets (<see cref="DemoAssetMap"/>) come along.
/// Uses its own random stream, so the rest of the demo stays as it was.</summary>
public sealed class DemoPartners(WijkbasisDb db, TenantContext tenant, TimeProvider time, FieldCipher cipher)
{
    private static readonly (string Name, OrganisationKind Kind, string Address, string? Website, string Contact, string Role, string Reach, string Agreement)[] Partners =
    [
        ("Sociaal Wijkteam Klarendal", OrganisationKind.Municipality, "Klarendalseweg 100, Arnhem", "www.arnhem.nl", "Marloes Peters", "wijkcoach", "Maandag t/m donderdag bellen, liefst 's ochtends", "Elke eerste dinsdag van de maand casusoverleg in de huiskamer"),
        ("Woonbedrijf Volkshuisvesting", OrganisationKind.HousingCorporation, "Kronenburgpassage 1, Arnhem", "www.volkshuisvesting.nl", "Erik Jansen", "wijkbeheerder", "Via de app of langs op het spreekuur", "Signalen over huurachterstand gaan binnen een week naar de wijkbeheerder"),
        ("GGD Gelderland-Zuid", OrganisationKind.HealthCare, "Eusebiusbuitensingel 43, Arnhem", "www.ggdgelderlandzuid.nl", "Sanne de Wit", "sociaal verpleegkundige", "Mail, zij belt terug", "Twee keer per jaar voorlichting over gezond eten"),
        ("Schuldhulpmaatje Arnhem", OrganisationKind.DebtHelp, "Velperweg 28, Arnhem", "www.schuldhulpmaatje.nl", "Henk Bos", "coördinator", "Woensdagmiddag spreekuur", "Elke donderdag spreekuur in de huiskamer, wij gaan mee naar het eerste gesprek"),
        ("Basisschool De Klimop", OrganisationKind.School, "Sonsbeeksingel 12, Arnhem", null, "Fatima Yilmaz", "intern begeleider", "Na schooltijd, na 15:00", "Ouders vinden via de school de weg naar de taalcafés"),
        ("Bibliotheek Rozet", OrganisationKind.Library, "Kortestraat 16, Arnhem", "www.rozet.nl", "Joost Maas", "Taalhuis", "Balie op de eerste verdieping", "Het Taalhuis geeft taallessen; wij brengen nieuwe deelnemers mee"),
        ("Wijkagent Klarendal", OrganisationKind.Police, "Beekstraat 50, Arnhem", null, "Bart Hendriks", "wijkagent", "Via 0900-8844, vraag naar de wijkagent", "Wijkagent komt eens per maand op de koffieochtend"),
        ("Bakkerij Van Gaans", OrganisationKind.Business, "Klarendalseweg 215, Arnhem", null, "Ans van Gaans", "eigenaar", "In de winkel, niet op zaterdag", "Brood van gisteren voor de maaltijd op vrijdag"),
    ];

    /// <summary>The debt help, the wijkteam, the library and the corporation get most referrals.</summary>
    private static readonly int[] ReferredTo = [3, 0, 5, 1, 3, 2];

    private static readonly string[] Reasons =
    [
        "Stapel ongeopende post, zorgen over betalingsachterstanden",
        "Wil Nederlands leren om zelf met de school te praten",
        "Vocht in de woning, verhuurder reageert niet",
        "Eenzaam sinds het overlijden van haar man; zoekt contact",
        "Vragen over toeslagen en een terugvordering",
    ];

    public async Task GenerateAsync(Wijkbasis.Data.Enterprise enterprise, int randomSeed, CancellationToken cancellationToken)
    {
        var rng = new Random(randomSeed + 26);
        tenant.MoveTo(enterprise, [Roles.Coordinator], "demo-generator", "Corrie Coördinator");
        var now = time.UtcNow();
        var today = time.AmsterdamToday();
        var buurt = await db.People.Where(p => p.BuurtCode != null).Select(p => p.BuurtCode).FirstOrDefaultAsync(cancellationToken);
        var organisations = new List<(Organisation Organisation, OrganisationContact Contact)>();
        foreach (var p in Partners)
        {
            var organisation = new Organisation
            {
                Name = p.Name, NameKey = Organisation.KeyOf(p.Name), Kind = p.Kind, Address = p.Address, Website = p.Website,
                BuurtCode = p.Kind is OrganisationKind.School or OrganisationKind.Business or OrganisationKind.Police ? buurt : null,
                CreatedAt = now, UpdatedAt = now,
            };
            var contact = new OrganisationContact { OrganisationId = organisation.Id, Name = p.Contact, Role = p.Role, HowToReach = p.Reach, CreatedAt = now };
            db.AddRange(organisation, contact,
                new WorkAgreement { OrganisationId = organisation.Id, What = p.Agreement, From = today.AddMonths(-rng.Next(3, 24)), CreatedAt = now });
            organisations.Add((organisation, contact));
        }

        var wendy = await db.Users.Where(u => u.Email == "wijkverbinder@huiskamer.demo").Select(u => new { u.Id, u.DisplayName }).SingleAsync(cancellationToken);
        var wessel = await db.Users.Where(u => u.Email == "wijkverbinder2@huiskamer.demo").Select(u => new { u.Id, u.DisplayName }).SingleAsync(cancellationToken);
        db.Memberships.Add(new Membership { UserId = wessel.Id, Role = Roles.ConsentOverride, CreatedAt = now });

        var people = await db.People.Where(p => p.IsVrager && p.ArchivedAt == null).OrderBy(p => p.Id).Select(p => p.Id).Take(12).ToListAsync(cancellationToken);
        foreach (var (personId, i) in people.Select((p, i) => (p, i)))
        {
            var (organisation, contact) = organisations[ReferredTo[i % ReferredTo.Length]];
            var on = today.AddDays(-rng.Next(3, 150));
            var worker = i % 3 == 0 ? wessel : wendy;
            var open = i < 3;
            var referral = new Referral
            {
                PersonId = personId, OrganisationId = organisation.Id, ContactId = i % 2 == 0 ? contact.Id : null, ReferredOn = open ? today.AddDays(-7) : on,
                WentAlongUserId = i % 2 == 0 ? worker.Id : null, WentAlongName = i % 2 == 0 ? worker.DisplayName : null,
                // One open follow-up of the demo wijkverbinder is due today.
                FollowUpOn = open ? today.AddDays(i) : on.AddDays(14), FollowUpUserId = i == 0 ? wendy.Id : worker.Id,
                Outcome = open ? null : (ReferralOutcome)(i % 4), OutcomeOn = open ? null : on.AddDays(rng.Next(1, 14)) is var d && d <= today ? d : today,
                ByUserId = worker.Id, ByName = worker.DisplayName, CreatedAt = now,
            };
            referral.Reason = cipher.Seal(Reasons[i % Reasons.Length], referral, nameof(Referral.Reason));
            db.Referrals.Add(referral);
        }
        DemoAssetMap.Add(db, buurt, now);

        // A multi-year subsidy of the municipality (the wijkteam's organisation stands in for it) with amounts, reporting
        // dates (one due within the reminder window, so the coordinator's Vandaag shows it) and two targets.
        var municipality = organisations[0].Organisation;
        var subsidy = new FundingAgreement
        {
            Kind = AgreementKind.MultiYear, FunderId = municipality.Id, Title = "Subsidie wijkhuiskamer Klarendal",
            StartsOn = new DateOnly(today.Year - 1, 1, 1), EndsOn = new DateOnly(today.Year + 1, 12, 31),
            Conditions = "Jaarlijks een inhoudelijk verslag met de cijfers van de rapportage en een financiële verantwoording.",
            CreatedAt = now, UpdatedAt = now,
        };
        db.FundingAgreements.Add(subsidy);
        for (var year = today.Year - 1; year <= today.Year + 1; year++)
        {
            db.AgreementAmounts.Add(new AgreementAmount { AgreementId = subsidy.Id, Year = year, Cents = 45_000_00 });
        }
        db.AgreementReportDates.AddRange(
            new AgreementReportDate { AgreementId = subsidy.Id, DueOn = new DateOnly(today.Year, 3, 1), What = $"Jaarverslag {today.Year - 1}", SubmittedOn = new DateOnly(today.Year, 2, 20), SubmittedByName = "Corrie Coördinator" },
            new AgreementReportDate { AgreementId = subsidy.Id, DueOn = today.AddDays(14), What = "Tussenrapportage bereik" },
            new AgreementReportDate { AgreementId = subsidy.Id, DueOn = new DateOnly(today.Year + 1, 3, 1), What = $"Jaarverslag {today.Year}" });
        db.AgreementTargets.AddRange(
            new AgreementTarget { AgreementId = subsidy.Id, IndicatorId = Impact.Indicators.Reach.Persons, Value = 50, Per = Impact.PeriodKind.Month, CreatedAt = now },
            new AgreementTarget { AgreementId = subsidy.Id, IndicatorId = Impact.Indicators.Linking.Referrals, Value = 20, Per = Impact.PeriodKind.Year, CreatedAt = now.AddSeconds(1) });
        await db.SaveChangesAsync(cancellationToken);
    }
}
