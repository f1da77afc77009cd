using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Enterprise;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Admin;

public sealed partial class IndexModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, Invitations invitations) : PageModel
{
    [BindProperty] public string? MunicipalityName { get; set; }
    [BindProperty] public string? MunicipalityCode { get; set; }
    [BindProperty] public Guid EnterpriseMunicipality { get; set; }
    [BindProperty] public string? EnterpriseName { get; set; }
    [BindProperty] public string? EnterpriseSlug { get; set; }
    [BindProperty] public EnterpriseKind EnterpriseKind { get; set; }
    [BindProperty] public string? CoordinatorEmail { get; set; }

    public List<MunicipalityRow> Municipalities { get; private set; } = [];

    [GeneratedRegex("^GM[0-9]{4}$")] private static partial Regex GemeenteCode();
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")] private static partial Regex Slug();

    /// <summary>Route segments that are not enterprises.</summary>
    private static readonly string[] Reserved = ["account", "agenda", "ruimtes", "beheer", "fout", "taal", "uitnodiging", "healthz", "readyz", "css", "js", "lib"];

    public static string KindLabel(EnterpriseKind kind) => kind switch
    {
        EnterpriseKind.LivingRoom => "Huiskamer / inloop",
        EnterpriseKind.Garden => "Tuin en groen",
        EnterpriseKind.YouthTeam => "Jongerenteam",
        EnterpriseKind.WorkActivation => "Werk en activering",
        _ => "Anders",
    };

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostMunicipalityAsync(CancellationToken cancellationToken)
    {
        var name = MunicipalityName?.Trim() ?? "";
        var code = MunicipalityCode?.Trim().ToUpperInvariant() ?? "";
        if (name.Length is 0 or > 100)
        {
            ModelState.AddModelError(nameof(MunicipalityName), "Vul de naam van de gemeente in (maximaal 100 tekens).");
        }
        if (!GemeenteCode().IsMatch(code))
        {
            ModelState.AddModelError(nameof(MunicipalityCode), "Vul de CBS-code in als GM gevolgd door 4 cijfers, bijvoorbeeld GM0202.");
        }
        else if (await db.Municipalities.AnyAsync(m => m.Code == code, cancellationToken))
        {
            ModelState.AddModelError(nameof(MunicipalityCode), "Deze gemeente bestaat al.");
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        db.Municipalities.Add(new Municipality { Name = name, Code = code });
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("Gemeente {0} is toegevoegd.", name);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnterpriseAsync(CancellationToken cancellationToken)
    {
        var name = EnterpriseName?.Trim() ?? "";
        var slug = EnterpriseSlug?.Trim().ToLowerInvariant() ?? "";
        var email = CoordinatorEmail?.Trim() ?? "";
        if (name.Length is 0 or > 100 || name.Any(char.IsControl))
        {
            ModelState.AddModelError(nameof(EnterpriseName), "Vul de naam van de onderneming in (maximaal 100 tekens, op één regel).");
        }
        if (!Slug().IsMatch(slug) || Reserved.Contains(slug))
        {
            ModelState.AddModelError(nameof(EnterpriseSlug), "Kies een korte naam met alleen kleine letters, cijfers en streepjes, bijvoorbeeld de-huiskamer.");
        }
        else if (await db.Enterprises.AnyAsync(e => e.Slug == slug, cancellationToken))
        {
            ModelState.AddModelError(nameof(EnterpriseSlug), "Deze korte naam is al in gebruik.");
        }
        if (!await db.Municipalities.AnyAsync(m => m.Id == EnterpriseMunicipality, cancellationToken))
        {
            ModelState.AddModelError(nameof(EnterpriseMunicipality), "Kies een gemeente.");
        }
        if (!Enum.IsDefined(EnterpriseKind))
        {
            ModelState.AddModelError(nameof(EnterpriseKind), "Kies een soort.");
        }
        if (!Infrastructure.Mail.Mailer.IsSingleAddress(email))
        {
            ModelState.AddModelError(nameof(CoordinatorEmail), "Vul een geldig e-mailadres in voor de eerste coördinator.");
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        var enterprise = new Wijkbasis.Data.Enterprise
        {
            Name = name, Slug = slug, Kind = EnterpriseKind, MunicipalityId = EnterpriseMunicipality, CreatedAt = time.UtcNow(),
        };
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync(cancellationToken);
        // The first coordinator's invitation belongs to the new enterprise.
        tenant.Enter(enterprise, []);
        var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        try
        {
            await invitations.InviteAsync(email, Roles.Coordinator, me, User.FindFirstValue(WijkbasisClaims.DisplayName) ?? "", cancellationToken);
        }
        catch (Infrastructure.Mail.MailNotSentException)
        {
            // An enterprise nobody can enter is of no use: take it back, keep what was typed.
            db.Enterprises.Remove(enterprise);
            await db.SaveChangesAsync(CancellationToken.None);
            ModelState.AddModelError(nameof(CoordinatorEmail), "De uitnodiging kon niet per e-mail worden verstuurd. Er is niets opgeslagen. Probeer het later opnieuw.");
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        TempData.Say("Onderneming {0} is toegevoegd. De eerste coördinator ({1}) krijgt een uitnodiging per e-mail.", name, email);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var counts = await TenantBypass.AllMemberships(db).GroupBy(m => m.TenantId)
            .Select(g => new { g.Key, Users = g.Select(m => m.UserId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Users, cancellationToken);
        var enterprises = await db.Enterprises.OrderBy(e => e.Name).ToListAsync(cancellationToken);
        Municipalities = (await db.Municipalities.OrderBy(m => m.Name).ToListAsync(cancellationToken))
            .Select(m => new MunicipalityRow(m.Id, m.Name, m.Code, enterprises.Where(e => e.MunicipalityId == m.Id)
                .Select(e => new EnterpriseRow(e.Name, e.Slug, counts.GetValueOrDefault(e.Id))).ToList()))
            .ToList();
    }

    public sealed record MunicipalityRow(Guid Id, string Name, string Code, List<EnterpriseRow> Enterprises);
    public sealed record EnterpriseRow(string Name, string Slug, int Users);
}
