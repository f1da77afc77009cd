using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.TimeCredits;
using Wijkbasis.Features.Volunteers;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Demo;

/// <summary>Volunteers in every demo enterprise: roles (one archived), about 25 volunteers in the first and 8 in the
/// others (many of them former vragers, so the register shows vrager → drager dates), a year of hours, shift sign-ups
/// on the coming sessions, contributions (some thanked with time credits where the time bank is on), and a few VOGs
/// that expire soon, have expired or are missing. The demo volunteer's login is linked to one of them. Uses its own
/// random stream, so the rest of the demo stays as it was; everything is added in a few saves per enterprise.</summary>
public sealed class DemoVolunteers(WijkbasisDb db, TenantContext tenant, TimeProvider time, ILogger<DemoVolunteers> log)
{
    public const string DemoVolunteerName = "Vincent Vrijwilliger";

    private static readonly (string Name, bool Vog)[][] RolesByKind =
    [
        [("Gastvrouw of gastheer", false), ("Kok", false), ("Chauffeur", true), ("Taalmaatje", true)],
        [("Tuinier", false), ("Kok", false), ("Chauffeur", true)],
        [("Begeleider jongeren", true), ("Kok", false), ("Chauffeur", true)],
    ];

    private static readonly string[] Gifts =
    [
        "Brengt koffie mee", "Bakte een appeltaart voor de koffieochtend", "Bracht kleding voor de weggeefwinkel", "Hielp stoelen opzetten",
        "Repareerde twee fietsen", "Nam de buurvrouw mee naar de inloop", "Bracht stekjes voor de tuin", "Vertaalde een brief (Arabisch)",
        "Zette de folders rond in de straat", "Bracht een doos speelgoed", "Hielp met afwassen na de maaltijd", "Maakte foto's bij het buurtfeest",
    ];

    public async Task GenerateAsync(IReadOnlyList<Wijkbasis.Data.Enterprise> enterprises, int randomSeed, CancellationToken cancellationToken)
    {
        var rng = new Random(randomSeed + 12);
        var demoVolunteer = await db.Users.Where(u => u.Email == "vrijwilliger@huiskamer.demo").Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        foreach (var (enterprise, index) in enterprises.Select((e, i) => (e, i)))
        {
            tenant.MoveTo(enterprise, [Roles.Coordinator], "demo-generator", "Corrie Coördinator");
            log.LogInformation("Demo: {Enterprise}: volunteers, hours and contributions", enterprise.Name);
            await EnterpriseAsync(rng, RolesByKind[Math.Min(index, RolesByKind.Length - 1)], index == 0 ? 25 : 8, index == 0 ? demoVolunteer : null, cancellationToken);
            db.ChangeTracker.Clear();
        }
        tenant.Leave();
    }

    private async Task EnterpriseAsync(Random rng, (string Name, bool Vog)[] roleNames, int count, Guid? demoUser, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var today = time.AmsterdamToday();
        var roles = roleNames.Select(r => new VolunteerRole { Name = r.Name, Key = VolunteerRole.KeyOf(r.Name), RequiresVog = r.Vog, CreatedAt = now.AddDays(-400) }).ToList();
        roles.Add(new VolunteerRole { Name = "Klusser", Key = "klusser", CreatedAt = now.AddDays(-400), ArchivedAt = now.AddDays(-90) });
        db.VolunteerRoles.AddRange(roles);
        var active = roles.Where(r => r.ArchivedAt is null).ToList();

        // Former vragers first (registered long enough ago to have started giving later), then others.
        var yearAgo = now.AddDays(-365);
        var candidates = await db.People.Where(p => p.ArchivedAt == null)
            .OrderBy(p => p.SearchName).ThenBy(p => p.BirthYear).ThenBy(p => p.Postcode).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var vragers = candidates.Where(p => p.IsVrager && p.CreatedAt < now.AddDays(-200)).Take(count * 3 / 5).ToList();
        var chosen = vragers.Concat(candidates.Where(p => !p.IsVrager).Take(count - vragers.Count)).ToList();
        var volunteers = new List<(Volunteer V, Wijkbasis.Features.People.Person P, VolunteerRole Role, DateOnly Since)>();
        foreach (var (person, i) in chosen.Select((p, i) => (p, i)))
        {
            var created = DateOnly.FromDateTime(person.CreatedAt.ToAmsterdam());
            // A former vrager starts giving some months after they came; others have volunteered all year.
            var since = person.IsVrager ? created.AddDays(rng.Next(30, 150)) : DateOnly.FromDateTime(yearAgo);
            if (since > today.AddDays(-14))
            {
                since = today.AddDays(-14);
            }
            var issued = since.AddDays(-rng.Next(10, 300));
            DateOnly? expires = issued.AddYears(Vog.DefaultYears);
            // A few that need attention: two expire soon, one has expired, one never had one.
            if (i is 1 or 4)
            {
                expires = today.AddDays(rng.Next(5, 50));
            }
            else if (i == 7)
            {
                expires = today.AddDays(-rng.Next(3, 40));
            }
            var volunteer = new Volunteer
            {
                PersonId = person.Id, VogIssuedOn = i == 10 ? null : issued, VogExpiresOn = i == 10 ? null : expires,
                CreatedAt = Clock.FromAmsterdam(since, new TimeOnly(10, 0)), Version = 1,
            };
            if (i == 0 && demoUser is not null)
            {
                volunteer.UserId = demoUser;
                person.Name = DemoVolunteerName;
                person.SearchName = Wijkbasis.Features.People.SearchText.Normalize(DemoVolunteerName);
                volunteer.VogExpiresOn = today.AddYears(2);
            }
            var role = i == 10 ? active.First(r => !r.RequiresVog) : active[rng.Next(active.Count)];
            volunteers.Add((volunteer, person, role, since));
            db.Volunteers.Add(volunteer);
            person.IsDrager = true;
        }
        await db.SaveChangesAsync(cancellationToken);

        // A year of hours: about weekly, in the volunteer's usual role, at a session of that day when there is one.
        var pastSessions = await db.Sessions.AsNoTracking().Where(s => s.StartsAt > yearAgo && s.StartsAt < now && s.CancelledAt == null)
            .Select(s => new { s.Id, s.StartsAt, s.EndsAt }).ToListAsync(cancellationToken);
        var sessionOn = pastSessions.GroupBy(s => DateOnly.FromDateTime(s.StartsAt.ToAmsterdam())).ToDictionary(g => g.Key, g => g.First());
        var hours = new List<VolunteerHours>();
        foreach (var (v, p, role, since) in volunteers)
        {
            for (var day = since; day <= today; day = day.AddDays(rng.Next(4, 11)))
            {
                var session = sessionOn.GetValueOrDefault(day);
                var minutes = session is null ? rng.Next(2, 9) * 30 : (int)(session.EndsAt - session.StartsAt).TotalMinutes + 30;
                hours.Add(new VolunteerHours
                {
                    PersonId = p.Id, RoleId = rng.Next(6) == 0 ? active[rng.Next(active.Count)].Id : role.Id, WorkedOn = day,
                    Minutes = Math.Clamp(minutes, 30, 600), SessionId = session?.Id,
                    Note = rng.Next(8) == 0 ? "Ook de afwas gedaan" : null,
                    At = Clock.FromAmsterdam(day, new TimeOnly(18, 0)), ByName = rng.Next(3) == 0 ? p.Name : "Corrie Coördinator", Version = 1,
                });
            }
        }
        // VOG-required roles keep to the rule: no hours in them without a VOG valid that day.
        hours.RemoveAll(h => roles.Single(r => r.Id == h.RoleId).RequiresVog
            && !Vog.IsValidOn(volunteers.Single(x => x.P.Id == h.PersonId).V.VogExpiresOn, h.WorkedOn));
        db.VolunteerHours.AddRange(hours);

        // Sign-ups for the coming two weeks' sessions, by the same rules as the shift page.
        var upcoming = await db.Sessions.AsNoTracking().Where(s => s.StartsAt > now && s.StartsAt < now.AddDays(14) && s.CancelledAt == null)
            .OrderBy(s => s.StartsAt).Select(s => new { s.Id, s.StartsAt, s.EndsAt }).ToListAsync(cancellationToken);
        foreach (var s in upcoming)
        {
            foreach (var (v, p, role, _) in volunteers.OrderBy(_ => rng.Next()).Take(rng.Next(1, 4)))
            {
                var check = new VolunteerRules.SignupCheck(false, s.EndsAt, DateOnly.FromDateTime(s.StartsAt.ToAmsterdam()), false, role.RequiresVog, false, v.VogExpiresOn);
                if (VolunteerRules.CheckSignup(check, now) is null)
                {
                    db.ShiftSignups.Add(new ShiftSignup { SessionId = s.Id, RoleId = role.Id, VolunteerId = v.Id, PersonId = p.Id, At = now.AddDays(-rng.Next(1, 10)), ByName = p.Name });
                }
            }
        }

        // Contributions over the year, small things included, from volunteers and other neighbours (vragers among them).
        var givers = volunteers.Select(x => x.P).Concat(candidates.Where(p => p.IsVrager && p.CreatedAt < now.AddDays(-60)).Skip(count).Take(count)).ToList();
        var contributions = new List<Contribution>();
        foreach (var person in givers)
        {
            var first = DateOnly.FromDateTime(person.CreatedAt.ToAmsterdam()).AddDays(rng.Next(20, 120));
            for (var k = rng.Next(0, 4); k > 0 && first <= today; k--)
            {
                var gift = Gifts[rng.Next(Gifts.Length)];
                contributions.Add(new Contribution
                {
                    PersonId = person.Id, Kind = gift.StartsWith("Br", StringComparison.Ordinal) ? ContributionKind.Goods : ContributionKind.Help,
                    Description = gift, GivenOn = first, At = Clock.FromAmsterdam(first, new TimeOnly(12, 0)), ByName = "Corrie Coördinator",
                });
                person.IsDrager = true;
                first = first.AddDays(rng.Next(20, 90));
            }
        }
        db.Contributions.AddRange(contributions);
        await ThankWithPointsAsync(contributions, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Where the time bank is on, the enterprise thanks some contributions of account holders with points.</summary>
    private async Task ThankWithPointsAsync(List<Contribution> contributions, CancellationToken cancellationToken)
    {
        var settings = await db.TimeCreditSettings.SingleOrDefaultAsync(cancellationToken);
        var house = await db.TimeCreditAccounts.SingleOrDefaultAsync(a => a.Kind == AccountKind.Enterprise, cancellationToken);
        if (settings is not { Enabled: true } || house is null)
        {
            return;
        }
        var accounts = await db.TimeCreditAccounts.Where(a => a.PersonId != null).ToDictionaryAsync(a => a.PersonId!.Value, cancellationToken);
        var balances = await db.TimeCreditMovements.GroupBy(m => m.AccountId).Select(g => new { g.Key, Sum = g.Sum(m => m.Points) })
            .ToDictionaryAsync(x => x.Key, x => x.Sum, cancellationToken);
        var newest = accounts.Values.Select(a => DateOnly.FromDateTime(a.OpenedAt.ToAmsterdam())).DefaultIfEmpty(DateOnly.MaxValue).Max();
        foreach (var c in contributions.Where(c => accounts.ContainsKey(c.PersonId) && c.GivenOn > newest).Take(6))
        {
            var to = accounts[c.PersonId];
            var (transfer, movements, problem) = TimeCreditLedger.Transfer(settings, new(house, balances.GetValueOrDefault(house.Id)),
                new(to, balances.GetValueOrDefault(to.Id)), 1, $"Bedankt: {c.Description}", null, "Corrie Coördinator", c.At, c.GivenOn);
            if (problem is not null)
            {
                continue;
            }
            transfer!.LinkKind = Contribution.LinkKind;
            transfer.LinkId = c.Id;
            db.TimeCreditTransfers.Add(transfer);
            db.TimeCreditMovements.AddRange(movements);
            foreach (var m in movements)
            {
                balances[m.AccountId] = balances.GetValueOrDefault(m.AccountId) + m.Points;
            }
            (c.Points, c.TransferId) = (1, transfer.Id);
        }
    }
}
