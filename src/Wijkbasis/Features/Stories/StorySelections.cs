using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.People;

namespace Wijkbasis.Features.Stories;

/// <summary>One chosen story in the report: its domain, when it was told, its text only when it may be published (else null:
/// the report shows <see cref="StoryRules.NotPublishable"/>), and the group's reasons.</summary>
public sealed record SelectedStoryLine(ChangeDomain Domain, string DomainLabel, DateOnly ToldOn, string? Text, string Reasons, string? Group);

/// <summary>Reads stories with whether they may be published, and the selection of a period for the report.</summary>
public sealed class StorySelections(WijkbasisDb db)
{
    public sealed record StoryRow(ChangeStory Story, string? PersonName, bool Publishable);

    /// <summary>Stories with their person's name and whether they may be published; the tenant filter keeps them to this enterprise.</summary>
    public IQueryable<StoryRow> Rows(IQueryable<ChangeStory> stories) =>
        from s in stories
        join p in db.People on s.PersonId equals p.Id into people
        from p in people.DefaultIfEmpty()
        // ConsentRules.InForce, spelled out: its person is a column here, not a value.
        let consent = db.Consents.Where(c => c.PersonId == s.PersonId && c.Purpose == ConsentPurpose.PhotosAndStories)
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Select(c => (bool?)c.Given).FirstOrDefault()
        select new StoryRow(s, p == null || p.ErasedAt != null ? null : p.Name,
            s.ConsentPublication && (s.PersonId == null || (consent != false && p != null && p.ErasedAt == null)));

    /// <summary>The group's choices of the period, one per domain in the domains' order.</summary>
    public async Task<IReadOnlyList<SelectedStoryLine>> ForReportAsync(ImpactPeriod period, CancellationToken ct)
    {
        var key = period.Key;
        var selections = await db.StorySelections.AsNoTracking().Where(s => s.PeriodKey == key).ToListAsync(ct);
        var ids = selections.Select(s => s.StoryId).ToList();
        var stories = await Rows(db.ChangeStories.AsNoTracking().Where(s => ids.Contains(s.Id))).ToListAsync(ct);
        var byId = stories.ToDictionary(r => r.Story.Id);
        return selections.Where(s => byId.ContainsKey(s.StoryId)).OrderBy(s => s.Domain).Select(s =>
        {
            var row = byId[s.StoryId];
            return new SelectedStoryLine(s.Domain, StoryRules.Label(s.Domain), row.Story.ToldOn, row.Publishable ? row.Story.Text : null, s.Reasons, s.Group);
        }).ToList();
    }
}
