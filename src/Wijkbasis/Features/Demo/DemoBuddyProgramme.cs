using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Budget;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.Outreach;
using Wijkbasis.Features.People;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Demo;

/// <summary>A year of the buddy programme in the first demo enterprise: outreach rounds with visits and signals,
/// intakes with ZRM scores and triage, cases held by buddies with contacts and goals, and a neighbourhood pot
/// fed by four sources and spent within and above mandates. Deterministic for a given seed and day.</summary>
public sealed class DemoBuddyProgramme(WijkbasisDb db, TenantContext tenant, TimeProvider time, FieldCipher cipher, ILogger<DemoBuddyProgramme> log)
{
    private sealed record Profile(string Email, BuddyKind Kind, string Skills, string Languages, string Postcode, int Max, int VogMonths, string? Organisation = null);

    /// <summary>Bert is the pool's administration buddy; the others help with other things.</summary>
    private static readonly Profile[] Profiles =
    [
        new("buddy@huiskamer.demo", BuddyKind.Volunteer, "administratie;boodschappen;fietsen", "nederlands;arabisch", "6822 AB", 4, 20),
        new("professional@huiskamer.demo", BuddyKind.Professional, "schulden;wonen;administratie", "nederlands;engels", "6823 CD", 8, 0, "Sociaal wijkteam Arnhem-Oost"),
        new("wijkteam@huiskamer.demo", BuddyKind.Professional, "gezondheid;wonen", "nederlands;sranantongo", "6824 EF", 6, 0, "Sociaal wijkteam Arnhem-Oost"),
        new("student@huiskamer.demo", BuddyKind.Student, "computer;taal;huiswerk", "nederlands;engels", "6811 AA", 2, 10),
        new("ervaring@huiskamer.demo", BuddyKind.LivedExperience, "luisteren;wandelen", "nederlands", "6822 GH", 3, -2),
        new("buddy2@huiskamer.demo", BuddyKind.Volunteer, "boodschappen;wandelen;koken", "nederlands", "6822 BC", 3, 14),
        new("buddy3@huiskamer.demo", BuddyKind.Volunteer, "taal;vervoer", "nederlands;arabisch;tamazight", "6826 KL", 3, 30),
        new("buddy4@huiskamer.demo", BuddyKind.Volunteer, "wandelen;koffie", "nederlands", "6833 MN", 2, 6),
        new("buddy5@huiskamer.demo", BuddyKind.Volunteer, "klussen;fietsen", "nederlands;pools", "6841 OP", 3, 18),
        new("buddy6@huiskamer.demo", BuddyKind.Volunteer, "tuin;wandelen", "nederlands", "6822 QR", 2, 24),
    ];

    internal static readonly string[] Wants =
    [
        "Weer overzicht in de post; de brieven stapelen zich op.", "Minder alleen thuis zitten.", "Een baan, maar eerst het rijbewijs.",
        "Dat de verwarming het weer doet en de huisbaas luistert.", "Rust in mijn hoofd en in huis.", "Mijn kinderen weer op tijd op school.",
    ];
    internal static readonly string[] Cans =
    [
        "Goed koken, doet graag iets voor een ander.", "Handig met fietsen repareren.", "Spreekt Arabisch en Nederlands, kan vertalen.",
        "Heeft vroeger in de zorg gewerkt.", "Kan goed met kinderen.",
    ];
    internal static readonly string[] Needs =
    [
        "Iemand die meekijkt met de administratie.", "Iemand om samen boodschappen mee te doen.", "Hulp bij het aanvragen van toeslag.",
        "Iemand die mee gaat naar de woningcorporatie.", "Een maatje om mee te wandelen.",
    ];
    internal static readonly string[][] GoalSets =
    [
        ["Post op orde", "Toeslag aangevraagd"], ["Eén keer per week naar buiten", "Naar de KoffieKaffee"], ["Rijbewijs gehaald"],
        ["Verwarming gemaakt", "Afspraak met de corporatie"], ["Weekritme met vaste dagen"],
    ];
    internal static readonly string[] NeedTagSets = ["administratie", "boodschappen", "administratie;vervoer", "wonen", "wandelen", "taal", "computer"];
    internal static readonly string[] ContactNotes =
    [
        "Samen de post doorgenomen.", "Gebeld, gaat beter deze week.", "Koffie gedronken en gewandeld.", "Mee naar de corporatie geweest.",
        "Afspraak verzet, volgende week weer.", "Formulier voor de toeslag ingevuld.",
    ];

    public async Task GenerateAsync(Wijkbasis.Data.Enterprise enterprise, Random rng, int intakes, CancellationToken cancellationToken)
    {
        tenant.MoveTo(enterprise, [Roles.Caseworker], "demo-generator");
        var now = time.UtcNow();
        var today = time.AmsterdamToday();
        var users = await db.Memberships.Select(m => new { m.UserId, m.Role, m.User!.Email, m.User.DisplayName }).ToListAsync(cancellationToken);
        Guid UserOf(string email) => users.First(u => u.Email == email).UserId;
        var wijkverbinder = users.First(u => u.Email == "wijkverbinder@huiskamer.demo");
        // A second wijkverbinder does some of the intakes: each sees only their own.
        var colleague = users.First(u => u.Email == "wijkverbinder2@huiskamer.demo");
        var approver = users.First(u => u.Role == Roles.BudgetApprover);

        log.LogInformation("Demo: {Enterprise}: buddy pool, outreach, intakes, cases, pot", enterprise.Name);
        db.ProgrammeSettings.Add(new ProgrammeSettings());
        var buddies = Profiles.Select(p => new Buddy
        {
            UserId = UserOf(p.Email), Name = users.First(u => u.Email == p.Email).DisplayName, Kind = p.Kind, Organisation = p.Organisation,
            Skills = p.Skills, Languages = p.Languages, Postcode = p.Postcode, MaxResidents = p.Max, CreatedAt = now.AddDays(-400),
            Availability = rng.Next(1, Availability.All), VogIssuedOn = p.Kind == BuddyKind.Professional ? null : today.AddMonths(p.VogMonths - 36),
            VogExpiresOn = p.Kind == BuddyKind.Professional ? null : today.AddMonths(p.VogMonths),
        }).ToList();
        db.Buddies.AddRange(buddies);

        // Outreach: a door-to-door round, a caravan in the summer, and a caravan this month (still running).
        var rounds = new[]
        {
            new Campaign { Name = "Deur aan deur Klarendalseweg", Kind = CampaignKind.DoorToDoor, Street = "Klarendalseweg", FromNumber = 1, ToNumber = 120,
                StartsOn = today.AddMonths(-11), EndsOn = today.AddMonths(-10), CreatedAt = now.AddMonths(-11) },
            new Campaign { Name = "Caravan op het Sonsbeekplein", Kind = CampaignKind.PopUp, Spot = "Caravan op het Sonsbeekplein",
                StartsOn = today.AddMonths(-5), EndsOn = today.AddMonths(-4), CreatedAt = now.AddMonths(-5) },
            new Campaign { Name = "Caravan op het Spijkerplein", Kind = CampaignKind.PopUp, Spot = "Caravan op het Spijkerplein",
                StartsOn = today.AddDays(-14), EndsOn = today.AddDays(14), CreatedAt = now.AddDays(-14) },
        };
        db.Campaigns.AddRange(rounds);
        var outcomes = new[] { VisitOutcome.NotHome, VisitOutcome.NotHome, VisitOutcome.ShortTalk, VisitOutcome.ShortTalk, VisitOutcome.RealConversation, VisitOutcome.Signal };
        foreach (var round in rounds)
        {
            // Visits on the round's first four weeks, never after today.
            var days = Math.Min(28, today.DayNumber - round.StartsOn.DayNumber + 1);
            for (var i = 0; i < (round.EndsOn >= today ? 20 : 60); i++)
            {
                var on = round.StartsOn.AddDays(rng.Next(0, days));
                var outcome = outcomes[rng.Next(outcomes.Length)];
                var visit = new OutreachVisit
                {
                    CampaignId = round.Id, On = on, Outcome = outcome, ByUserId = wijkverbinder.UserId, ByName = wijkverbinder.DisplayName,
                    At = Clock.FromAmsterdam(on, new TimeOnly(11, 0)),
                    Address = round.Kind == CampaignKind.DoorToDoor ? $"Klarendalseweg {rng.Next(1, 121)}" : round.Spot!,
                };
                if (outcome is VisitOutcome.RealConversation or VisitOutcome.Signal)
                {
                    visit.Note = cipher.Seal(outcome == VisitOutcome.Signal ? "De buurvrouw maakt zich zorgen: mevrouw komt de deur niet meer uit." : "Goed gesprek over de buurt en wat ze mist.",
                        visit, nameof(OutreachVisit.Note));
                }
                db.OutreachVisits.Add(visit);
                if (outcome == VisitOutcome.Signal)
                {
                    var signal = new Signal
                    {
                        CampaignId = round.Id, VisitId = visit.Id, About = visit.Address, DueOn = on.AddDays(7), AssignedToUserId = wijkverbinder.UserId,
                        CreatedByUserId = wijkverbinder.UserId, ByName = wijkverbinder.DisplayName, CreatedAt = visit.At,
                        DoneAt = rng.NextDouble() < 0.8 ? visit.At.AddDays(rng.Next(1, 10)) : null,
                    };
                    signal.Note = cipher.Seal("De buurvrouw maakt zich zorgen: mevrouw komt de deur niet meer uit.", signal, nameof(Signal.Note));
                    db.Signals.Add(signal);
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        // Intakes with people who asked for support; about two thirds got a buddy.
        var candidates = await db.People.Where(p => p.IsVrager && p.ArchivedAt == null).OrderBy(p => p.Id).Take(intakes)
            .Select(p => new { p.Id, p.Languages, p.Postcode }).ToListAsync(cancellationToken);
        var load = buddies.ToDictionary(b => b.Id, _ => 0);
        var cases = new List<Case>();
        foreach (var (person, number) in candidates.Select((p, i) => (p, i)))
        {
            var by = number % 8 == 7 ? colleague : wijkverbinder;
            var held = today.AddDays(-rng.Next(5, 360));
            var scores = new ZrmScores();
            foreach (var domain in Zrm.Domains.OrderBy(_ => rng.Next()).Take(rng.Next(0, 4)))
            {
                scores.Set(domain, rng.Next(1, 6) is var l && l == 1 && rng.NextDouble() < 0.7 ? 3 : l);
            }
            var safety = rng.NextDouble() < 0.08;
            var proposal = TriageRule.Default.Propose(scores, safety);
            var goals = GoalSets[rng.Next(GoalSets.Length)];
            var intake = new Intake
            {
                PersonId = person.Id, HeldOn = held, ByUserId = by.UserId, ByName = by.DisplayName,
                NeedTags = NeedTagSets[rng.Next(NeedTagSets.Length)], SafetyConcern = safety, ProposedWeight = proposal.Weight,
                RuleHeavyAtOrBelow = TriageRule.Default.HeavyAtOrBelow, RuleSafetyConcernIsHeavy = TriageRule.Default.SafetyConcernIsHeavy,
                DecidedWeight = proposal.Weight,
                DecidedAt = Clock.FromAmsterdam(held, new TimeOnly(15, 0)), CreatedAt = Clock.FromAmsterdam(held, new TimeOnly(14, 0)),
                Status = IntakeStatus.Open,
            };
            intake.Want = cipher.Seal(Wants[rng.Next(Wants.Length)], intake, nameof(Intake.Want));
            intake.Can = cipher.Seal(Cans[rng.Next(Cans.Length)], intake, nameof(Intake.Can));
            intake.Need = cipher.Seal(Needs[rng.Next(Needs.Length)], intake, nameof(Intake.Need));
            intake.Goals = cipher.Seal(string.Join("\n", goals), intake, nameof(Intake.Goals));
            intake.Zrm = scores.IsEmpty ? null : cipher.Seal(scores.ToJson(), intake, nameof(Intake.Zrm));
            db.Intakes.Add(intake);
            db.Consents.Add(new ConsentRecord
            {
                PersonId = person.Id, Purpose = ConsentPurpose.BuddyProgramme, LegalBasis = LegalBasis.Consent, Given = true,
                RecordedAt = intake.CreatedAt, RecordedByUserId = by.UserId, RecordedByName = by.DisplayName, Note = "Vastgelegd bij de intake",
            });
            if (held > today.AddDays(-14) || rng.NextDouble() < 0.3)
            {
                continue; // still looking for a buddy
            }
            var buddy = buddies.Where(b => BuddyMatching.KindFits(proposal.Weight, b.Kind) && b.HasValidVog(today) && load[b.Id] < b.MaxResidents)
                .OrderBy(_ => rng.Next()).FirstOrDefault();
            if (buddy is null)
            {
                continue;
            }
            var opened = intake.CreatedAt.AddDays(rng.Next(1, 6));
            db.BuddyOffers.Add(new BuddyOffer
            {
                IntakeId = intake.Id, PersonId = person.Id, BuddyId = buddy.Id, BuddyUserId = buddy.UserId, OfferedByUserId = by.UserId,
                OfferedByName = by.DisplayName, OfferedAt = intake.CreatedAt.AddHours(2), Status = OfferStatus.Accepted, AnsweredAt = opened,
            });
            intake.Status = IntakeStatus.Matched;
            var c = new Case
            {
                PersonId = person.Id, IntakeId = intake.Id, Weight = proposal.Weight, OwnerBuddyId = buddy.Id, OwnerUserId = buddy.UserId,
                CreatedByUserId = by.UserId, OpenedAt = opened, Status = CaseStatus.Open,
            };
            foreach (var goal in goals)
            {
                var item = new CaseItem { CaseId = c.Id, PersonId = person.Id, IsGoal = true, ByName = by.DisplayName, CreatedAt = opened };
                item.Text = cipher.Seal(goal, item, nameof(CaseItem.Text));
                db.CaseItems.Add(item);
            }
            // Contacts roughly weekly; some buddies lose touch lately.
            var end = rng.NextDouble() < 0.15 ? now.AddDays(-rng.Next(15, 40)) : now.AddDays(-rng.Next(0, 7));
            for (var at = opened.AddDays(rng.Next(1, 5)); at < end; at = at.AddDays(rng.Next(4, 12)))
            {
                var contact = new CaseContact
                {
                    CaseId = c.Id, PersonId = person.Id, On = DateOnly.FromDateTime(at.ToAmsterdam()), Kind = (ContactKind)rng.Next(0, 4),
                    ByUserId = buddy.UserId, ByName = buddy.Name, At = at,
                };
                contact.Note = cipher.Seal(ContactNotes[rng.Next(ContactNotes.Length)], contact, nameof(CaseContact.Note));
                db.CaseContacts.Add(contact);
                c.LastContactAt = at;
            }
            var closes = opened < now.AddDays(-150) && rng.NextDouble() < 0.6;
            if (closes)
            {
                c.Close((CaseOutcome)rng.Next(0, 5), (c.LastContactAt ?? opened).AddDays(3));
                var after = new ZrmScores();
                foreach (var (domain, level) in scores.Scores)
                {
                    after.Set(domain, Math.Min(Zrm.HighestLevel, level + rng.Next(0, 2)));
                }
                c.ClosingZrm = after.IsEmpty ? null : cipher.Seal(after.ToJson(), c, nameof(Case.ClosingZrm));
            }
            else
            {
                load[buddy.Id]++;
            }
            db.Cases.Add(c);
            cases.Add(c);
        }
        await db.SaveChangesAsync(cancellationToken);

        // The pot: four sources, mandates, spends within and above mandate, one reversal, one request waiting.
        var pot = new BudgetPot { Name = $"Buurtpot {today.Year}", StartsOn = new DateOnly(today.Year, 1, 1), EndsOn = new DateOnly(today.Year, 12, 31), CreatedAt = now.AddMonths(-10) };
        db.BudgetPots.Add(pot);
        var potStart = Clock.FromAmsterdam(pot.StartsOn, new TimeOnly(9, 0));
        foreach (var (source, name, amount) in new[]
                 {
                     (FundingSource.MunicipalityWmo, "Gemeente Arnhem (Wmo)", 5_000_00L), (FundingSource.HousingCorporation, "Volkshuisvesting Arnhem", 3_000_00L),
                     (FundingSource.NeighbourhoodBudget, "Wijkbudget Klarendal", 2_000_00L), (FundingSource.Fund, "Oranje Fonds", 1_500_00L),
                 })
        {
            db.LedgerEntries.Add(new LedgerEntry
            {
                PotId = pot.Id, Kind = LedgerKind.Contribution, AmountCents = amount, At = potStart, BookedOn = pot.StartsOn, ByUserId = approver.UserId,
                ByName = approver.DisplayName, Source = source, SourceName = name,
            });
        }
        foreach (var b in buddies)
        {
            db.Mandates.Add(new Mandate { UserId = b.UserId, PerSpendCents = b.IsProfessional ? 150_00 : 50_00, PerMonthCents = b.IsProfessional ? 500_00 : 150_00, SetByName = "Corrie Coördinator", SetAt = potStart });
        }
        db.Mandates.Add(new Mandate { UserId = wijkverbinder.UserId, PerSpendCents = 150_00, PerMonthCents = 500_00, SetByName = "Corrie Coördinator", SetAt = potStart });
        db.Mandates.Add(new Mandate { UserId = colleague.UserId, PerSpendCents = 150_00, PerMonthCents = 500_00, SetByName = "Corrie Coördinator", SetAt = potStart });
        var spendable = cases.Where(c => c.OpenedAt >= potStart).ToList();
        var purposes = new[] { (SpendPurpose.Transport, "Buskaart voor een maand", 35_00L), (SpendPurpose.AdministrativeFees, "Leges voor een ID-kaart", 77_00L),
            (SpendPurpose.HouseholdEmergency, "Nieuwe kachel-onderdelen", 45_00L), (SpendPurpose.LicenceOrEducation, "Theorie-examen rijbewijs", 48_00L), (SpendPurpose.Other, "Boodschappen voor de eerste week", 40_00L) };
        LedgerEntry? firstSpend = null;
        foreach (var c in spendable.Take(25))
        {
            var (purpose, note, amount) = purposes[rng.Next(purposes.Length)];
            var buddy = buddies.First(b => b.Id == c.OwnerBuddyId);
            var at = c.OpenedAt.AddDays(rng.Next(1, 20));
            if (at > now)
            {
                continue;
            }
            var above = amount > (buddy.IsProfessional ? 150_00 : 50_00);
            var entry = new LedgerEntry
            {
                PotId = pot.Id, Kind = LedgerKind.Spend, AmountCents = -amount, At = at, BookedOn = DateOnly.FromDateTime(at.ToAmsterdam()),
                ByUserId = buddy.UserId, ByName = buddy.Name, Purpose = purpose, CaseId = c.Id, RequestedByUserId = buddy.UserId,
                OnOwnMandate = !above, ApprovedByName = above ? approver.DisplayName : null,
            };
            entry.Note = cipher.Seal(note, entry, nameof(LedgerEntry.Note));
            if (above)
            {
                var request = new SpendRequest
                {
                    PotId = pot.Id, CaseId = c.Id, AmountCents = amount, Purpose = purpose, RequestedByUserId = buddy.UserId, RequestedByName = buddy.Name,
                    RequestedAt = at.AddHours(-3), WhyApproval = "Boven het mandaat per uitgave.", Status = SpendRequestStatus.Approved,
                    DecidedByUserId = approver.UserId, DecidedByName = approver.DisplayName, DecidedAt = at, LedgerEntryId = entry.Id,
                };
                request.Note = cipher.Seal(note, request, nameof(SpendRequest.Note));
                entry.SpendRequestId = request.Id;
                db.SpendRequests.Add(request);
            }
            db.LedgerEntries.Add(entry);
            firstSpend ??= entry;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (firstSpend is not null)
        {
            db.LedgerEntries.Add(Ledger.Reverse(firstSpend, false, long.MaxValue / 2, "Dubbel geboekt", approver.UserId, approver.DisplayName,
                firstSpend.At.AddDays(1), firstSpend.BookedOn.AddDays(1)).Reversal!);
        }
        if (cases.FirstOrDefault(c => !c.IsClosed) is { } open)
        {
            var buddy = buddies.First(b => b.Id == open.OwnerBuddyId);
            var waiting = new SpendRequest
            {
                PotId = pot.Id, CaseId = open.Id, AmountCents = 180_00, Purpose = SpendPurpose.LicenceOrEducation, RequestedByUserId = buddy.UserId,
                RequestedByName = buddy.Name, RequestedAt = now.AddHours(-5), WhyApproval = "Boven het mandaat per uitgave.", Status = SpendRequestStatus.Pending,
            };
            waiting.Note = cipher.Seal("Praktijkles rijbewijs: nodig voor de baan bij het bezorgbedrijf.", waiting, nameof(SpendRequest.Note));
            db.SpendRequests.Add(waiting);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        tenant.Leave();
    }
}
