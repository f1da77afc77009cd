using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Stories;

/// <summary>Stories of change for De Huiskamer: a dozen logbook stories of this quarter and the one before taken over with a
/// domain, two written on their own, and the group's choice for three domains in the quarter before. Uses its own random
/// stream, so the rest of the demo stays as it was.</summary>
public sealed class DemoStories(WijkbasisDb db, TenantContext tenant, TimeProvider time)
{
    private static readonly string[] Reasons =
    [
        "Het laat zien dat een kleine ontmoeting tot een vriendschap kan leiden. De groep herkende zich erin.",
        "Ze durfde voor het eerst zelf iets te organiseren; dat wilden we allemaal vasthouden.",
        "Een verhaal over eerst vragen en nu zelf helpen: precies waar de huiskamer voor is.",
    ];

    public async Task GenerateAsync(Data.Enterprise enterprise, int randomSeed, CancellationToken ct)
    {
        var rng = new Random(randomSeed + 32);
        tenant.MoveTo(enterprise, [Roles.Coordinator], "demo-generator", "Corrie Coördinator");
        var now = time.UtcNow();
        var today = time.AmsterdamToday();
        var thisQuarter = StoryPeriods.Current(today);
        var lastQuarter = thisQuarter.Previous;
        var logStories = await (from e in db.LogEntries.AsNoTracking()
                                where e.Kind == LogEntryKind.Story
                                join s in db.Sessions on e.SessionId equals s.Id
                                where s.OccurrenceDate >= lastQuarter.From && s.OccurrenceDate <= today
                                orderby s.OccurrenceDate, e.Id
                                select new { e.Id, e.Text, e.PersonId, e.ConsentToReport, s.OccurrenceDate }).ToListAsync(ct);
        var domains = Enum.GetValues<ChangeDomain>();
        var stories = new List<ChangeStory>();
        foreach (var (e, i) in logStories.Where((_, i) => i % Math.Max(1, logStories.Count / 12) == 0).Take(12).Select((e, i) => (e, i)))
        {
            stories.Add(new ChangeStory
            {
                Text = e.Text, Domain = domains[i % domains.Length], ToldOn = e.OccurrenceDate, PersonId = e.PersonId, LogEntryId = e.Id,
                ConsentInternal = e.ConsentToReport || rng.NextDouble() < 0.5, ConsentPublication = e.ConsentToReport,
                ByName = "Wendy Wijkverbinder", CreatedAt = now, UpdatedAt = now,
            });
        }
        stories.Add(new ChangeStory
        {
            Text = "Sinds ik bij de taalcafés kom, durf ik bij de dokter zelf te zeggen wat er is. Vorige week heb ik mijn buurvrouw meegenomen.",
            Domain = ChangeDomain.Confidence, ToldOn = lastQuarter.From.AddDays(20), ConsentInternal = true, ConsentPublication = true,
            ByName = "Corrie Coördinator", CreatedAt = now, UpdatedAt = now,
        });
        stories.Add(new ChangeStory
        {
            Text = "Via de huiskamer kwam ik bij de schuldhulp. Nu open ik mijn post weer en slaap ik beter.",
            Domain = ChangeDomain.Money, ToldOn = lastQuarter.From.AddDays(40), ConsentInternal = true, ConsentPublication = false,
            ByName = "Corrie Coördinator", CreatedAt = now, UpdatedAt = now,
        });
        db.ChangeStories.AddRange(stories);
        var reason = 0;
        // The quarter before: three domains chosen. This quarter: one so far (the choosing page opens on it).
        foreach (var (period, choose) in new[] { (lastQuarter, new[] { ChangeDomain.Contact, ChangeDomain.Confidence, ChangeDomain.Money }), (thisQuarter, domains) })
        {
            foreach (var domain in choose)
            {
                if (stories.FirstOrDefault(s => s.Domain == domain && s.ConsentInternal && s.ToldOn >= period.From && s.ToldOn < period.Until) is not { } chosen)
                {
                    continue;
                }
                db.StorySelections.Add(new StorySelection
                {
                    PeriodKey = period.Key, Domain = domain, StoryId = chosen.Id, Reasons = Reasons[reason++ % Reasons.Length],
                    Group = "Corrie en vijf bewoners van de koffieochtend", SelectedOn = period.To < today ? period.To : today, ByName = "Corrie Coördinator", CreatedAt = now,
                });
                if (period == thisQuarter)
                {
                    break;
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
