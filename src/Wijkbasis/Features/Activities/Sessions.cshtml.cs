using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Activities;

/// <summary>Every session of one activity, newest first, paged, filtered by period and location, each with its counts
/// and a link to its logbook: the way into history (also to fill in a past logbook; docs/decisions/0014).
/// Three reads: how many, the page of sessions, and the counts of that page in one query.</summary>
public sealed class SessionsModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    public const int PageSize = 25;
    /// <summary>The period filter accepts dates this far back and ahead (history is entered up to ten years back).</summary>
    public const int YearsBack = 20;
    public const int YearsAhead = 5;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "van")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "locatie")] public Guid? LocationId { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    public Activity Activity { get; private set; } = null!;
    public List<(Guid Id, string Name)> Locations { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool Filtered => From is not null || To is not null || LocationId is not null;
    /// <summary>The filter could not be read or is out of range: nothing is listed, the form says why.</summary>
    public bool Invalid { get; private set; }
    public List<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().Include(a => a.Location).SingleOrDefaultAsync(a => a.Id == Id, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }
        Activity = activity;
        var used = db.Sessions.Where(s => s.ActivityId == Id).Select(s => s.LocationId).Distinct();
        Locations = (await db.Locations.AsNoTracking().Where(l => used.Contains(l.Id))
                .Select(l => new { l.Id, l.Name, l.IsPopUp, l.Label }).ToListAsync(cancellationToken))
            .Select(l => (l.Id, Location.DisplayOf(l.Name, l.IsPopUp, l.Label)))
            .OrderBy(l => l.Item2, StringComparer.CurrentCulture).ToList();

        foreach (var (key, refusal) in CheckFilter())
        {
            ModelState.AddRefusal(key, refusal);
        }
        if (!ModelState.IsValid)
        {
            Invalid = true;
            return this.Refuse();
        }

        var sessions = db.Sessions.AsNoTracking().Where(s => s.ActivityId == Id);
        if (From is { } from)
        {
            var start = Clock.FromAmsterdam(from, TimeOnly.MinValue);
            sessions = sessions.Where(s => s.StartsAt >= start);
        }
        if (To is { } to)
        {
            var end = Clock.FromAmsterdam(to.AddDays(1), TimeOnly.MinValue);
            sessions = sessions.Where(s => s.StartsAt < end);
        }
        if (LocationId is { } location)
        {
            sessions = sessions.Where(s => s.LocationId == location);
        }
        Total = await sessions.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var page = await sessions.OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(s => new { s.Id, s.StartsAt, s.EndsAt, s.LocationId, s.IsMoved, Cancelled = s.CancelledAt != null, Closed = s.ClosedAt != null })
            .ToListAsync(cancellationToken);
        var ids = page.Select(s => s.Id).ToList();
        var counts = ids.Count == 0 ? [] : await db.Sessions.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new
            {
                s.Id,
                CheckIns = db.CheckIns.Count(c => c.SessionId == s.Id),
                WalkIns = db.HeadCounts.Where(h => h.SessionId == s.Id).Sum(h => (int?)(h.Children + h.Teens + h.Adults + h.Seniors)) ?? 0,
                Entries = db.LogEntries.Count(e => e.SessionId == s.Id),
            })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var names = Locations.ToDictionary(l => l.Id, l => l.Name);
        var now = time.UtcNow();
        Rows = page.Select(s =>
        {
            var c = counts[s.Id];
            return new Row(s.Id, s.StartsAt, s.EndsAt, names.GetValueOrDefault(s.LocationId, ""), s.IsMoved, s.Cancelled, s.Closed,
                c.CheckIns, c.WalkIns, NotKept: s.StartsAt < now && !s.Cancelled && !s.Closed && c.CheckIns + c.WalkIns + c.Entries == 0);
        }).ToList();
        return Page();
    }

    private IEnumerable<(string Key, Refusal Refusal)> CheckFilter()
    {
        var today = time.AmsterdamToday();
        var (earliest, latest) = (today.AddYears(-YearsBack), today.AddYears(YearsAhead));
        foreach (var (key, date) in new[] { ("van", From), ("tot", To) })
        {
            if (date is { } d && (d < earliest || d > latest))
            {
                yield return (key, new Refusal("Kies een datum tussen {0} en {1}.", earliest.ToString("d-M-yyyy"), latest.ToString("d-M-yyyy")));
            }
        }
        if (From is { } f && To is { } t && t < f)
        {
            yield return ("tot", new Refusal("De datum bij ‘periode tot en met’ ligt voor de datum bij ‘periode van’."));
        }
        if (LocationId is { } l && Locations.All(x => x.Id != l))
        {
            yield return ("locatie", new Refusal("Kies een locatie uit de lijst."));
        }
    }

    /// <summary>The query string of a page of this list, with the filter kept.</summary>
    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["van"] = From?.ToString("yyyy-MM-dd"), ["tot"] = To?.ToString("yyyy-MM-dd"), ["locatie"] = LocationId?.ToString(),
            ["pagina"] = page.ToString(),
        }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();

    /// <param name="NotKept">In the past, not cancelled or closed, and nothing in its logbook yet.</param>
    public sealed record Row(Guid Id, DateTime StartsAt, DateTime EndsAt, string Location, bool Moved, bool Cancelled, bool Closed,
        int CheckIns, int WalkIns, bool NotKept);
}
