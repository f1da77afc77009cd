using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Api;

/// <summary>The coordinator makes and revokes the enterprise's API keys (docs/decisions/0033). A new key is shown once,
/// on the answer to the form that made it; only its hash is kept. Making and revoking are audited (the key's row is
/// audited), and calls made with a key are audited under the key's name.</summary>
public sealed class KeysModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Geef de sleutel een naam, zodat u later weet waarvoor hij is.")]
    [StringLength(ApiToken.NameMax, ErrorMessage = "De naam mag maximaal {1} tekens lang zijn.")]
    [Display(Name = "Naam")]
    public string? Name { get; set; }

    [BindProperty] public List<string> Scopes { get; set; } = [];

    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }

    /// <summary>The key just made: shown on this answer only.</summary>
    public string? NewKey { get; private set; }

    public List<ApiToken> Tokens { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken)
    {
        FormKey = FormOnce.NewKey();
        return LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await FormOnce.EarlierAsync(db, FormKey, cancellationToken) is { } earlier)
        {
            return this.SentBefore(earlier);
        }
        if (Scopes.Count == 0)
        {
            ModelState.AddRefusal(nameof(Scopes), new("Kies minstens één recht voor de sleutel."));
        }
        else if (Scopes.FirstOrDefault(s => !ApiScopes.IsKnown(s)) is not null)
        {
            ModelState.AddRefusal(nameof(Scopes), new("Kies de rechten uit de lijst."));
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        var key = ApiKeys.New();
        db.ApiTokens.Add(new ApiToken
        {
            Name = Name!.Trim(), Prefix = ApiKeys.PrefixOf(key)!, Hash = ApiKeys.HashOf(key),
            Scopes = string.Join(' ', ApiScopes.All.Select(s => s.Scope).Where(Scopes.Contains)),
            CreatedAt = time.UtcNow(), CreatedByName = tenant.DisplayName,
        });
        FormOnce.Record(db, time, FormKey, Url.Page("/Api/Keys"));
        var saved = await FormOnce.SaveAsync(db, FormKey, async () => await db.SaveChangesAsync(cancellationToken), cancellationToken);
        if (saved.Earlier is { } first)
        {
            return this.SentBefore(first);
        }
        NewKey = key;
        Name = null;
        Scopes = [];
        FormKey = FormOnce.NewKey();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null)
        {
            return NotFound();
        }
        if (!token.IsRevoked)
        {
            token.RevokedAt = time.UtcNow();
            token.RevokedByName = tenant.DisplayName;
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData.Say("De sleutel {0} is ingetrokken. Hij werkt niet meer.", token.Name);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Tokens = await db.ApiTokens.AsNoTracking().OrderBy(t => t.RevokedAt != null).ThenByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
}
