using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Stories;

/// <summary>The stories of change, filtered by period and domain, which of them were chosen, and the logbook's stories of the
/// period that can still be taken over.</summary>
public sealed class IndexModel(WijkbasisDb db, StorySelections selections, TimeProvider time) : PageModel
{
    public const int MaxRows = 200;

    [BindProperty(SupportsGet = true, Name = "periode")] public string? Periode { get; set; }
    [BindProperty(SupportsGet = true, Name = "domein")] public ChangeDomain? Domein { get; set; }

    public ImpactPeriod? Period { get; private set; }
    public IReadOnlyList<ImpactPeriod> Periods { get; private set; } = [];
    public List<StorySelections.StoryRow> Rows { get; private set; } = [];
    public HashSet<Guid> Chosen { get; private set; } = [];
    public List<LogStory> FromLogbook { get; private set; } = [];

    public sealed record LogStory(Guid Id, DateOnly Date, string Activity, string Text, bool ConsentToReport);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Periods = StoryPeriods.Choices(time.AmsterdamToday());
        if (!string.IsNullOrWhiteSpace(Periode))
        {
            if (ImpactPeriod.Parse(Periode) is not { } period)
            {
                return this.Refuse(new Refusal("Deze periode kennen we niet: ‘{0}’. Kies een jaar, kwartaal, maand of van–tot.", Periode), "periode");
            }
            Period = period;
        }
        if (Domein is { } d && !Enum.IsDefined(d))
        {
            return this.Refuse(new Refusal("Kies een domein uit de lijst."), "domein");
        }
        var stories = db.ChangeStories.AsNoTracking();
        if (Period is { } p)
        {
            stories = stories.Where(s => s.ToldOn >= p.From && s.ToldOn < p.Until);
        }
        if (Domein is { } domain)
        {
            stories = stories.Where(s => s.Domain == domain);
        }
        Rows = await selections.Rows(stories.OrderByDescending(s => s.ToldOn).ThenByDescending(s => s.Id).Take(MaxRows)).ToListAsync(ct);
        var ids = Rows.Select(r => r.Story.Id).ToList();
        Chosen = (await db.StorySelections.AsNoTracking().Where(s => ids.Contains(s.StoryId)).Select(s => s.StoryId).ToListAsync(ct)).ToHashSet();
        if (Period is { } lp)
        {
            FromLogbook = await (from e in db.LogEntries.AsNoTracking()
                                 where e.Kind == LogEntryKind.Story && !db.ChangeStories.Any(c => c.LogEntryId == e.Id)
                                 join s in db.Sessions on e.SessionId equals s.Id
                                 where s.OccurrenceDate >= lp.From && s.OccurrenceDate < lp.Until
                                 join a in db.Activities on s.ActivityId equals a.Id
                                 orderby s.OccurrenceDate descending, e.Id
                                 select new LogStory(e.Id, s.OccurrenceDate, a.Name, e.Text, e.ConsentToReport)).Take(MaxRows).ToListAsync(ct);
        }
        return Page();
    }
}
