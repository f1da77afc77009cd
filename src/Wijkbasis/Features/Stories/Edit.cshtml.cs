using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Stories;

/// <summary>Writes or edits a story of change. With <c>uitLogboek</c> it takes over a logbook story: the text, the teller and the
/// consent to report are copied, the entry is kept as a reference, and a logbook story is taken over once.</summary>
public sealed class EditModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "uitLogboek")] public Guid? FromLogEntry { get; set; }
    [BindProperty, Display(Name = "de tekst van het verhaal")] public string? Text { get; set; }
    [BindProperty, Display(Name = "het domein")] public ChangeDomain? Domain { get; set; }
    [BindProperty, Display(Name = "de datum")] public DateOnly? ToldOn { get; set; }
    [BindProperty] public bool ConsentInternal { get; set; }
    [BindProperty] public bool ConsentPublication { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }

    public bool IsNew => Id is null;
    /// <summary>The logbook entry this story comes from (new or kept), with its activity, for the page.</summary>
    public string? Source { get; private set; }
    public string? PersonName { get; private set; }

    private sealed record Entry(Guid Id, string Text, Guid? PersonId, bool ConsentToReport, DateOnly Date, string Activity);

    private IQueryable<Entry> Entries(Guid id) =>
        from e in db.LogEntries.AsNoTracking()
        where e.Id == id && e.Kind == LogEntryKind.Story
        join s in db.Sessions on e.SessionId equals s.Id
        join a in db.Activities on s.ActivityId equals a.Id
        select new Entry(e.Id, e.Text, e.PersonId, e.ConsentToReport, s.OccurrenceDate, a.Name);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            if (await db.ChangeStories.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is not { } story)
            {
                return NotFound();
            }
            (Text, Domain, ToldOn, ConsentInternal, ConsentPublication, Version) =
                (story.Text, story.Domain, story.ToldOn, story.ConsentInternal, story.ConsentPublication, story.Version);
            await DescribeAsync(story.LogEntryId, story.PersonId, ct);
            return Page();
        }
        FormKey = FormOnce.NewKey();
        ToldOn = time.AmsterdamToday();
        if (FromLogEntry is { } entryId)
        {
            if (await Entries(entryId).SingleOrDefaultAsync(ct) is not { } entry)
            {
                return NotFound();
            }
            (Text, ToldOn, ConsentInternal, ConsentPublication) = (entry.Text, entry.Date, entry.ConsentToReport, entry.ConsentToReport);
            await DescribeAsync(entry.Id, entry.PersonId, ct);
        }
        return Page();
    }

    private async Task DescribeAsync(Guid? entryId, Guid? personId, CancellationToken ct)
    {
        if (entryId is { } e && await Entries(e).SingleOrDefaultAsync(ct) is { } entry)
        {
            Source = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{entry.Activity}, {entry.Date:d-M-yyyy}");
        }
        if (personId is { } p)
        {
            PersonName = await db.People.AsNoTracking().Where(x => x.Id == p && x.ErasedAt == null).Select(x => x.Name).SingleOrDefaultAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (IsNew && await FormOnce.EarlierAsync(db, FormKey, ct) is { } earlier)
        {
            return this.SentBefore(earlier);
        }
        ChangeStory? story = null;
        if (Id is { } id && (story = await db.ChangeStories.SingleOrDefaultAsync(s => s.Id == id, ct)) is null)
        {
            return NotFound();
        }
        Entry? entry = null;
        if (IsNew && FromLogEntry is { } entryId && (entry = await Entries(entryId).SingleOrDefaultAsync(ct)) is null)
        {
            return NotFound();
        }
        var text = Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            ModelState.AddModelError(nameof(Text), "Schrijf het verhaal op.");
        }
        else if (text.Length > ChangeStory.TextMax)
        {
            ModelState.AddRefusal(nameof(Text), new Refusal("Het verhaal is te lang (hoogstens {0} tekens).", ChangeStory.TextMax));
        }
        if ((Domain is not { } domain || !Enum.IsDefined(domain)) && !Refused(nameof(Domain)))
        {
            ModelState.AddModelError(nameof(Domain), "Kies het domein van de verandering.");
        }
        var today = time.AmsterdamToday();
        if (ToldOn is not { } told)
        {
            if (!Refused(nameof(ToldOn)))
            {
                ModelState.AddModelError(nameof(ToldOn), "Vul de datum in waarop het verhaal verteld is.");
            }
        }
        else if (told > today || told < ImpactPeriod.Earliest)
        {
            ModelState.AddRefusal(nameof(ToldOn), new Refusal("Kies een datum tussen {0} en vandaag.", ImpactPeriod.Earliest.ToString("d-M-yyyy", System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (ConsentPublication && !ConsentInternal)
        {
            ModelState.AddModelError(nameof(ConsentPublication), "Publiceren kan alleen als het verhaal ook intern gebruikt mag worden.");
        }
        if (entry is not null && await db.ChangeStories.AnyAsync(s => s.LogEntryId == entry.Id, ct))
        {
            ModelState.AddModelError("", "Dit verhaal uit het logboek is al overgenomen.");
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => DescribeAsync(story?.LogEntryId ?? entry?.Id, story?.PersonId ?? entry?.PersonId, ct));
        }
        if (story is not null && story.Version != Version)
        {
            return await ConflictAsync(story, ct);
        }
        var now = time.UtcNow();
        if (story is null)
        {
            story = new ChangeStory
            {
                Text = text, ByUserId = tenant.UserId ?? Guid.Empty, ByName = tenant.DisplayName, CreatedAt = now,
                LogEntryId = entry?.Id, PersonId = entry?.PersonId,
            };
            db.ChangeStories.Add(story);
            FormOnce.Record(db, time, FormKey, Url.Page("/Stories/Index", new { periode = StoryPeriods.Current(ToldOn!.Value).Key }));
        }
        else
        {
            story.Version++;
        }
        (story.Text, story.Domain, story.ToldOn, story.ConsentInternal, story.ConsentPublication, story.UpdatedAt) =
            (text, Domain!.Value, ToldOn!.Value, ConsentInternal, ConsentPublication, now);
        try
        {
            if (await FormOnce.SaveAsync(db, IsNew ? FormKey : null, () => db.SaveChangesAsync(ct), ct) is { Earlier: { } first })
            {
                return this.SentBefore(first);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(await db.ChangeStories.AsNoTracking().SingleAsync(s => s.Id == Id, ct), ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Two workers taking over the same logbook story at once: the unique index answers the second.
            return await this.RefuseAsync(db, () => DescribeAsync(entry?.Id, entry?.PersonId, ct), new Refusal("Dit verhaal uit het logboek is al overgenomen."));
        }
        TempData.Say(IsNew ? "Het verhaal is bewaard." : "Het verhaal is bijgewerkt.");
        return RedirectToPage("/Stories/Index", new { periode = StoryPeriods.Current(story.ToldOn).Key });
    }

    /// <summary>The binder already refused this field (an unreadable value): one message is enough.</summary>
    private bool Refused(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    private async Task<IActionResult> ConflictAsync(ChangeStory current, CancellationToken ct)
    {
        ModelState.Remove(nameof(Version));
        Version = current.Version;
        return await this.RefuseAsync(db, () => DescribeAsync(current.LogEntryId, current.PersonId, ct),
            new Refusal("Iemand anders heeft dit verhaal net gewijzigd. Controleer uw wijzigingen en sla opnieuw op."));
    }
}
