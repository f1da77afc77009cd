using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Retention;

/// <summary>The dry run: per kind what is due now, the items of one kind, and the purge of one kind after a
/// confirmation (one transaction, one audit row; a repeated form purges once).</summary>
public sealed class DueModel(WijkbasisDb db, RetentionWork retention, AuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>The kind whose items are shown (<c>?soort=</c>) or that is purged.</summary>
    [BindProperty(SupportsGet = true, Name = "soort")] public RetentionKind? Kind { get; set; }
    [BindProperty] public bool Confirmed { get; set; }
    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }

    public List<RetentionWork.Due> Due { get; private set; } = [];
    public List<RetentionWork.Item> Items { get; private set; } = [];
    /// <summary>Set when the purge button was pressed: the page asks to confirm first.</summary>
    public RetentionWork.Due? Confirming { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Kind is { } kind)
        {
            Items = await retention.ItemsAsync(kind, cancellationToken);
            // Names on the list are a look at those people: one audit row naming them.
            await audit.RecordListAsync("Retention", kind.ToString(), Items.Select(i => i.PersonId).OfType<Guid>(), cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostPurgeAsync(CancellationToken cancellationToken)
    {
        if (await FormOnce.EarlierAsync(db, FormKey, cancellationToken) is { } earlier)
        {
            return this.SentBefore(earlier);
        }
        if (Kind is not { } kind)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken), new Refusal("Kies een soort gegevens uit de lijst."));
        }
        var info = RetentionKinds.Of(kind);
        if (info.Action == RetentionAction.ListOnly)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken),
                new Refusal("{0} worden hier niet opgeschoond.", info.Label));
        }
        if (!Confirmed)
        {
            await LoadAsync(cancellationToken);
            Confirming = Due.Single(d => d.Info.Kind == kind);
            FormKey = FormOnce.NewKey();
            return Page();
        }
        var result = Url.Page("/Retention/Due") ?? "/";
        var saved = await FormOnce.SaveAsync(db, FormKey, () => db.InTransactionAsync(async () =>
        {
            var n = await retention.PurgeAsync(kind, cancellationToken);
            FormOnce.Record(db, time, FormKey, result);
            await db.SaveChangesAsync(cancellationToken);
            return n;
        }, cancellationToken), cancellationToken);
        if (saved.Earlier is { } first)
        {
            return this.SentBefore(first);
        }
        var count = saved.Value;
        TempData.Say("{0}: {1} opgeschoond.", info.Label, count);
        return RedirectToPage("/Retention/Due");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Due = await retention.DueAsync(cancellationToken);
}
