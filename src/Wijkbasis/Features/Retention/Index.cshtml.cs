using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Retention;

/// <summary>The coordinator's retention terms: one per kind of record, within its bounds (a legal minimum cannot be
/// undercut). A term equal to the default is stored as no setting, so a later change of the default reaches it.</summary>
public sealed class IndexModel(WijkbasisDb db, RetentionWork retention, TimeProvider time, TenantContext tenant) : PageModel
{
    /// <summary>The terms as typed, in the order of <see cref="RetentionKinds.All"/>.</summary>
    [BindProperty] public List<string?> Terms { get; set; } = [];

    public Dictionary<RetentionKind, (int Term, bool Customised)> Current { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await retention.TermsAsync(cancellationToken);
        Terms = RetentionKinds.All.Select(k => (string?)Current[k.Kind].Term.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var terms = new Dictionary<RetentionKind, int>();
        for (var i = 0; i < RetentionKinds.All.Count; i++)
        {
            var info = RetentionKinds.All[i];
            var typed = i < Terms.Count ? Terms[i]?.Trim() : null;
            if (!int.TryParse(typed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var term))
            {
                ModelState.AddRefusal($"{nameof(Terms)}[{i}]", new Refusal("Vul bij {0} een heel getal in.", info.Label));
            }
            else if (Check(info, term) is { } refusal)
            {
                ModelState.AddRefusal($"{nameof(Terms)}[{i}]", refusal);
            }
            else
            {
                terms[info.Kind] = term;
            }
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, async () => Current = await retention.TermsAsync(cancellationToken));
        }
        var stored = await db.RetentionSettings.ToDictionaryAsync(s => s.Kind, cancellationToken);
        var by = User.FindFirst(WijkbasisClaims.DisplayName)?.Value ?? tenant.UserName;
        foreach (var (kind, term) in terms)
        {
            var info = RetentionKinds.Of(kind);
            stored.TryGetValue(kind, out var setting);
            if (term == info.Default)
            {
                if (setting is not null)
                {
                    db.RetentionSettings.Remove(setting);
                }
            }
            else if (setting is null)
            {
                db.RetentionSettings.Add(new RetentionSetting { Kind = kind, Term = term, UpdatedAt = time.UtcNow(), UpdatedByName = by });
            }
            else if (setting.Term != term)
            {
                (setting.Term, setting.UpdatedAt, setting.UpdatedByName) = (term, time.UtcNow(), by);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De bewaartermijnen zijn opgeslagen.");
        return RedirectToPage("/Retention/Index");
    }

    /// <summary>Null when the term lies within the kind's bounds, else the Dutch refusal.</summary>
    public static Refusal? Check(RetentionKindInfo info, int term) =>
        term < info.Minimum || term > info.Maximum
            ? new Refusal(info.Unit == RetentionUnit.Days
                ? "Kies bij {0} een termijn van {1} tot en met {2} dagen."
                : "Kies bij {0} een termijn van {1} tot en met {2} maanden.", info.Label, info.Minimum, info.Maximum)
            : null;

    public static string UnitLabel(RetentionUnit unit) => unit == RetentionUnit.Days ? "dagen" : "maanden";

    public static string ActionLabel(RetentionAction action) => action switch
    {
        RetentionAction.Automatic => "Automatisch opgeschoond",
        RetentionAction.ByCoordinator => "Opschonen door de coördinator",
        _ => "Alleen op de lijst",
    };
}
