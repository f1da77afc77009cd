using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Report;

/// <summary>The coordinator's part of a period's report: which of the logbook's consented stories go in, and the
/// three texts. One draft per enterprise and period; saved with optimistic concurrency (Version), so a second
/// coordinator's change is never overwritten unseen, and a double-submitted form saves once.</summary>
public sealed class EditModel(WijkbasisDb db, ReportBuilder builder, TenantContext tenant, TimeProvider time) : PageModel
{
    public ImpactPeriod Period { get; private set; }
    public List<ReportStory> Stories { get; private set; } = [];

    [BindProperty]
    public DraftInput Input { get; set; } = new();

    public sealed class DraftInput
    {
        public string? WentWell { get; set; }
        public string? Learned { get; set; }
        public string? Plans { get; set; }
        public List<Guid> Stories { get; set; } = [];
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? periode, CancellationToken ct)
    {
        if (ImpactPeriod.Parse(periode) is not { } period)
        {
            return NotFound();
        }
        Period = period;
        var draft = await builder.DraftAsync(period, ct);
        Input = new DraftInput
        {
            WentWell = draft?.WentWell, Learned = draft?.Learned, Plans = draft?.Plans,
            Stories = ReportBuilder.ParseIds(draft?.StoryIds), Version = draft?.Version ?? 0,
        };
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? periode, CancellationToken ct)
    {
        if (ImpactPeriod.Parse(periode) is not { } period)
        {
            return NotFound();
        }
        Period = period;
        Task Reload() => LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, Reload);
        }
        foreach (var (key, text) in new[] { ("Input.WentWell", Input.WentWell), ("Input.Learned", Input.Learned), ("Input.Plans", Input.Plans) })
        {
            if (text?.Length > ReportDraft.TextMax)
            {
                ModelState.AddRefusal(key, new Refusal("Een tekst is hoogstens {0} tekens lang.", ReportDraft.TextMax));
            }
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, Reload);
        }
        var chosen = Input.Stories.Distinct().ToList();
        if (chosen.Count > 50)
        {
            return await this.RefuseAsync(db, Reload, new Refusal("Kies hoogstens {0} verhalen.", 50));
        }
        // Only a story of this period told with consent to report can be chosen; any other id (no consent, another
        // enterprise's, a guess) is refused, never silently dropped.
        var allowed = (await builder.ConsentedStories(period, chosen).ToListAsync(ct)).Select(s => s.Id).ToList();
        if (allowed.Count != chosen.Count)
        {
            return await this.RefuseAsync(db, Reload, new Refusal("Dit verhaal kan niet in de rapportage: er is geen toestemming, of het hoort niet bij deze periode."));
        }
        var storyIds = string.Join(';', chosen.OrderBy(g => g));
        var wentWell = Clean(Input.WentWell);
        var learned = Clean(Input.Learned);
        var plans = Clean(Input.Plans);

        var draft = await builder.DraftAsync(period, ct);
        if (draft is not null && draft.Version != Input.Version)
        {
            // Already saved exactly this (a double submit): done. Otherwise someone else changed it meanwhile.
            if (draft.WentWell == wentWell && draft.Learned == learned && draft.Plans == plans && draft.StoryIds == storyIds)
            {
                return Saved();
            }
            return await ConflictAsync(ct);
        }
        if (draft is null)
        {
            draft = new ReportDraft { PeriodKey = period.Key };
            db.ReportDrafts.Add(draft);
        }
        draft.WentWell = wentWell;
        draft.Learned = learned;
        draft.Plans = plans;
        draft.StoryIds = storyIds;
        draft.UpdatedAt = time.UtcNow();
        draft.UpdatedByName = tenant.DisplayName;
        draft.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            var now = await builder.DraftAsync(period, ct);
            if (now is not null && now.WentWell == wentWell && now.Learned == learned && now.Plans == plans && now.StoryIds == storyIds)
            {
                return Saved();
            }
            return await ConflictAsync(ct);
        }
        return Saved();
    }

    private RedirectToPageResult Saved()
    {
        TempData.Say("De verhalen en teksten zijn bewaard.");
        return RedirectToPage("/Report/Index", new { periode = Period.Key });
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task LoadAsync(CancellationToken ct)
    {
        Stories = await builder.ConsentedStories(Period).Take(500).ToListAsync(ct);
    }

    /// <summary>Someone else saved in between: refused, with what this user typed still there and the newer version
    /// in the form, so saving again (after looking) replaces it knowingly.</summary>
    private async Task<IActionResult> ConflictAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = await builder.DraftAsync(Period, ct);
        ModelState.Remove("Input.Version");
        Input.Version = now?.Version ?? 0;
        return await this.RefuseAsync(db, () => LoadAsync(ct),
            new Refusal("Iemand anders heeft deze teksten intussen veranderd. Bekijk ze en sla opnieuw op."));
    }
}
