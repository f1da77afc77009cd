using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Talents;

/// <summary>The coordinator's list of talents and needs: add, rename, retire (and bring back). Retiring keeps the tag on
/// the cards that have it, so nothing is lost; it is no longer chosen, searched or matched.</summary>
public sealed class TagsModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty(Name = "Name")] public string? Name { get; set; }
    [BindProperty(Name = "TagId")] public Guid? TagId { get; set; }

    public sealed record Row(TalentTag Tag, int Offers, int Needs);
    public List<Row> Rows { get; private set; } = [];
    /// <summary>The tag whose rename form has the error, if any.</summary>
    public Guid? FailedTagId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (TalentTag.Check(Name) is { } problem)
        {
            return await RefuseNameAsync(problem, null, cancellationToken);
        }
        var name = Name!.Trim();
        var key = TalentTag.KeyOf(name);
        if (await db.TalentTags.AnyAsync(t => t.Key == key, cancellationToken))
        {
            return await RefuseNameAsync(new("‘{0}’ staat al op de lijst.", name), null, cancellationToken);
        }
        db.TalentTags.Add(new TalentTag { Name = name, Key = key, CreatedAt = time.UtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return await RefuseNameAsync(new("‘{0}’ staat al op de lijst.", name), null, cancellationToken);
        }
        TempData.Say("‘{0}’ is toegevoegd.", name);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken cancellationToken)
    {
        var tag = await db.TalentTags.SingleOrDefaultAsync(t => t.Id == TagId, cancellationToken);
        if (tag is null)
        {
            return NotFound();
        }
        if (TalentTag.Check(Name) is { } problem)
        {
            return await RefuseNameAsync(problem, tag.Id, cancellationToken);
        }
        var name = Name!.Trim();
        var key = TalentTag.KeyOf(name);
        if (await db.TalentTags.AnyAsync(t => t.Key == key && t.Id != tag.Id, cancellationToken))
        {
            return await RefuseNameAsync(new("‘{0}’ staat al op de lijst. Kies een andere naam.", name), tag.Id, cancellationToken);
        }
        var old = tag.Name;
        tag.Name = name;
        tag.Key = key;
        await TalentSharing.ApplyAllAsync(db, tenant, time.UtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("‘{0}’ heet nu ‘{1}’.", old, name);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetireAsync(bool restore, CancellationToken cancellationToken)
    {
        var tag = await db.TalentTags.SingleOrDefaultAsync(t => t.Id == TagId, cancellationToken);
        if (tag is null)
        {
            return NotFound();
        }
        tag.RetiredAt = restore ? null : tag.RetiredAt ?? time.UtcNow();
        await TalentSharing.ApplyAllAsync(db, tenant, time.UtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say(restore ? "‘{0}’ is weer in gebruik." : "‘{0}’ is niet meer in gebruik. Kaarten die het hebben, houden het.", tag.Name);
        return RedirectToPage();
    }

    /// <summary>Refuses the name typed in the add form, or in the rename form of <paramref name="tagId"/>.</summary>
    private Task<IActionResult> RefuseNameAsync(Refusal refusal, Guid? tagId, CancellationToken cancellationToken)
    {
        FailedTagId = tagId;
        return this.RefuseAsync(db, () => LoadAsync(cancellationToken), refusal, nameof(Name));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rows = await db.TalentTags.AsNoTracking()
            .OrderBy(t => t.RetiredAt != null).ThenBy(t => t.Key)
            .Select(t => new Row(t,
                db.TalentCardTags.Count(c => c.TagId == t.Id && c.Side == TalentSide.Offer),
                db.TalentCardTags.Count(c => c.TagId == t.Id && c.Side == TalentSide.Need)))
            .ToListAsync(cancellationToken);
    }
}
