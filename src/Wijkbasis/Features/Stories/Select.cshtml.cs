using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Stories;

/// <summary>The coordinator and a group of residents choose, for a period, the most significant story per domain and write
/// down why. Only stories told in the period with consent for internal use can be chosen; undoing a choice asks to confirm.</summary>
public sealed class SelectModel(WijkbasisDb db, StorySelections selections, TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "periode")] public string? Periode { get; set; }
    [BindProperty, Display(Name = "het domein")] public ChangeDomain? Domain { get; set; }
    [BindProperty, Display(Name = "het gekozen verhaal")] public Guid? StoryId { get; set; }
    [BindProperty, Display(Name = "de redenen")] public string? Reasons { get; set; }
    [BindProperty, Display(Name = "de groep")] public string? Group { get; set; }
    [BindProperty, Display(Name = "de bevestiging")] public bool Confirm { get; set; }
    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }

    public ImpactPeriod Period { get; private set; }
    public IReadOnlyList<ImpactPeriod> Periods { get; private set; } = [];
    public Dictionary<ChangeDomain, StorySelection> Chosen { get; private set; } = [];
    public Dictionary<Guid, StorySelections.StoryRow> Stories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ReadPeriod())
        {
            Periode = null;
            ReadPeriod();
            return await this.RefuseAsync(db, () => LoadAsync(ct), new Refusal("Deze periode kennen we niet. Kies een periode uit de lijst."), "periode");
        }
        FormKey = FormOnce.NewKey();
        await LoadAsync(ct);
        return Page();
    }

    private bool ReadPeriod()
    {
        Periods = StoryPeriods.Choices(time.AmsterdamToday());
        if (string.IsNullOrWhiteSpace(Periode))
        {
            Period = StoryPeriods.Current(time.AmsterdamToday());
            return true;
        }
        if (ImpactPeriod.Parse(Periode) is { } p)
        {
            Period = p;
            return true;
        }
        return false;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var key = Period.Key;
        Chosen = (await db.StorySelections.AsNoTracking().Where(s => s.PeriodKey == key).ToListAsync(ct)).ToDictionary(s => s.Domain);
        var chosenIds = Chosen.Values.Select(s => s.StoryId).ToList();
        var (from, until) = (Period.From, Period.Until);
        Stories = (await selections.Rows(db.ChangeStories.AsNoTracking()
                .Where(s => (s.ConsentInternal && s.ToldOn >= from && s.ToldOn < until) || chosenIds.Contains(s.Id))
                .OrderBy(s => s.ToldOn).ThenBy(s => s.Id)).ToListAsync(ct))
            .ToDictionary(r => r.Story.Id);
    }

    public IEnumerable<StorySelections.StoryRow> Candidates(ChangeDomain domain) =>
        Stories.Values.Where(r => r.Story.Domain == domain && r.Story.ConsentInternal && r.Story.ToldOn >= Period.From && r.Story.ToldOn < Period.Until);

    public async Task<IActionResult> OnPostChooseAsync(CancellationToken ct)
    {
        if (await FormOnce.EarlierAsync(db, FormKey, ct) is { } earlier)
        {
            return this.SentBefore(earlier);
        }
        if (!ReadPeriod())
        {
            return NotFound();
        }
        var key = Period.Key;
        if (Domain is not { } domain || !Enum.IsDefined(domain))
        {
            ModelState.AddModelError(nameof(Domain), "Kies een domein uit de lijst.");
            return await this.RefuseAsync(db, () => LoadAsync(ct));
        }
        var story = StoryId is { } id ? await db.ChangeStories.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) : null;
        if (StoryId is not null && story is null)
        {
            return NotFound();
        }
        if (story is null)
        {
            ModelState.AddModelError(nameof(StoryId), "Kies een verhaal.");
        }
        else if (story.Domain != domain || story.ToldOn < Period.From || story.ToldOn >= Period.Until)
        {
            ModelState.AddModelError(nameof(StoryId), "Kies een verhaal uit dit domein en deze periode.");
        }
        else if (!story.ConsentInternal)
        {
            ModelState.AddModelError(nameof(StoryId), "Dit verhaal mag niet intern gebruikt worden en kan dus niet gekozen worden.");
        }
        var reasons = Reasons?.Trim() ?? "";
        if (reasons.Length == 0)
        {
            ModelState.AddModelError(nameof(Reasons), "Schrijf op waarom de groep dit verhaal koos.");
        }
        else if (reasons.Length > StorySelection.ReasonsMax)
        {
            ModelState.AddRefusal(nameof(Reasons), new Refusal("De toelichting is te lang (hoogstens {0} tekens).", StorySelection.ReasonsMax));
        }
        var group = string.IsNullOrWhiteSpace(Group) ? null : Group.Trim();
        if (group is { Length: > StorySelection.GroupMax })
        {
            ModelState.AddRefusal(nameof(Group), new Refusal("Wie er in de groep zaten is te lang (hoogstens {0} tekens).", StorySelection.GroupMax));
        }
        if (await db.StorySelections.AnyAsync(s => s.PeriodKey == key && s.Domain == domain, ct))
        {
            ModelState.AddRefusal("", new Refusal("Voor {0} is in deze periode al een verhaal gekozen. Maak die keuze eerst ongedaan.", StoryRules.Label(domain)));
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(ct));
        }
        var now = time.UtcNow();
        db.StorySelections.Add(new StorySelection
        {
            PeriodKey = key, Domain = domain, StoryId = story!.Id, Reasons = reasons, Group = group, SelectedOn = time.AmsterdamToday(),
            ByName = tenant.DisplayName, CreatedAt = now,
        });
        var back = Url.Page("/Stories/Select", new { periode = key });
        FormOnce.Record(db, time, FormKey, back);
        try
        {
            if (await FormOnce.SaveAsync(db, FormKey, () => db.SaveChangesAsync(ct), ct) is { Earlier: { } first })
            {
                return this.SentBefore(first);
            }
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Two choices for the same domain at once: the unique index answers the second.
            return await this.RefuseAsync(db, () => LoadAsync(ct),
                new Refusal("Voor {0} is in deze periode al een verhaal gekozen. Maak die keuze eerst ongedaan.", StoryRules.Label(domain)));
        }
        TempData.Say("Het verhaal voor {0} is gekozen.", StoryRules.Label(domain));
        return RedirectToPage("/Stories/Select", new { periode = key });
    }

    public async Task<IActionResult> OnPostUndoAsync(CancellationToken ct)
    {
        if (!ReadPeriod())
        {
            return NotFound();
        }
        if (Domain is not { } domain || !Enum.IsDefined(domain))
        {
            ModelState.AddModelError(nameof(Domain), "Kies een domein uit de lijst.");
            return await this.RefuseAsync(db, () => LoadAsync(ct));
        }
        var key = Period.Key;
        if (!Confirm)
        {
            return await this.RefuseAsync(db, () => LoadAsync(ct),
                new Refusal("Vink aan dat u de keuze voor {0} ongedaan wilt maken.", StoryRules.Label(domain)), nameof(Confirm));
        }
        if (await db.StorySelections.SingleOrDefaultAsync(s => s.PeriodKey == key && s.Domain == domain, ct) is { } selection)
        {
            db.StorySelections.Remove(selection);
            await db.SaveChangesAsync(ct);
            TempData.Say("De keuze voor {0} is ongedaan gemaakt.", StoryRules.Label(domain));
        }
        return RedirectToPage("/Stories/Select", new { periode = key });
    }
}
