using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Outreach;

/// <summary>Outreach rounds with their results, and the wijkverbinder's work list of signals to follow up.</summary>
public sealed class IndexModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, FieldCipher cipher, AuditLog audit) : PageModel
{
    public sealed record CampaignRow(Campaign Campaign, Dictionary<VisitOutcome, int> Outcomes);
    public sealed record SignalView(Signal Signal, string? Note);

    [BindProperty(Name = "Name")] public string? Name { get; set; }
    [BindProperty(Name = "Kind")] public CampaignKind? Kind { get; set; }
    [BindProperty(Name = "Street")] public string? Street { get; set; }
    [BindProperty(Name = "FromNumber")] public int? FromNumber { get; set; }
    [BindProperty(Name = "ToNumber")] public int? ToNumber { get; set; }
    [BindProperty(Name = "StartsOn")] public DateOnly? StartsOn { get; set; }
    [BindProperty(Name = "EndsOn")] public DateOnly? EndsOn { get; set; }
    [BindProperty(Name = "SignalId")] public Guid? SignalId { get; set; }
    [BindProperty(Name = "DoneNote")] public string? DoneNote { get; set; }

    public List<CampaignRow> Campaigns { get; private set; } = [];
    public List<SignalView> Signals { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCampaignAsync(CancellationToken cancellationToken)
    {
        var today = time.AmsterdamToday();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > Campaign.NameMax)
        {
            ModelState.AddRefusal("Name", new Refusal("Geef de ronde een naam (hoogstens {0} tekens).", Campaign.NameMax));
        }
        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Kind", "Kies: deur aan deur of standplaats.");
        }
        if (string.IsNullOrWhiteSpace(Street) || Street.Trim().Length > Campaign.StreetMax)
        {
            ModelState.AddModelError("Street", Kind == CampaignKind.PopUp ? "Vul de plek in, bijvoorbeeld: caravan op het Visserijplein." : "Vul de straat in.");
        }
        if (Kind == CampaignKind.DoorToDoor && (FromNumber is not (>= 1 and <= 9999) || ToNumber is not (>= 1 and <= 9999) || ToNumber < FromNumber))
        {
            ModelState.AddModelError("FromNumber", "Vul de huisnummers van en tot in; het tweede is niet kleiner dan het eerste.");
        }
        if (StartsOn is not { } starts || starts < today.AddYears(-1) || starts > today.AddYears(1))
        {
            ModelState.AddModelError("StartsOn", "Kies een startdatum tussen een jaar geleden en een jaar vooruit.");
        }
        else if (EndsOn is { } ends && (ends < starts || ends > starts.AddYears(1)))
        {
            ModelState.AddModelError("EndsOn", "De einddatum ligt na de start, en hoogstens een jaar later.");
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        var campaign = new Campaign
        {
            Name = Name!.Trim(), Kind = Kind!.Value, StartsOn = StartsOn!.Value, EndsOn = EndsOn, CreatedAt = time.UtcNow(),
            Street = Kind == CampaignKind.DoorToDoor ? Street!.Trim() : null, Spot = Kind == CampaignKind.PopUp ? Street!.Trim() : null,
            FromNumber = Kind == CampaignKind.DoorToDoor ? FromNumber : null, ToNumber = Kind == CampaignKind.DoorToDoor ? ToNumber : null,
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De ronde {0} is aangemaakt.", campaign.Name);
        return RedirectToPage("/Outreach/Campaign", new { id = campaign.Id });
    }

    public async Task<IActionResult> OnPostDoneAsync(CancellationToken cancellationToken)
    {
        // Only the one it is assigned to closes it (the one who noted it may see it, not close it).
        var signal = await db.Signals.SingleOrDefaultAsync(s => s.Id == SignalId && s.DoneAt == null && s.AssignedToUserId == tenant.UserId, cancellationToken);
        if (signal is null)
        {
            ModelState.AddModelError("", "Dit signaal is al afgehandeld of bestaat niet.");
        }
        else if (DoneNote is { Length: > Signal.NoteMax })
        {
            ModelState.AddRefusal("DoneNote", new Refusal("De notitie is te lang (hoogstens {0} tekens).", Signal.NoteMax));
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        signal!.DoneAt = time.UtcNow();
        signal.DoneNote = cipher.Seal(DoneNote?.Trim(), signal, nameof(Signal.DoneNote));
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("Het signaal is afgehandeld.");
        return RedirectToPage("/Outreach/Index");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = time.AmsterdamToday();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.ArchivedAt == null).OrderByDescending(c => c.StartsOn).Take(50).ToListAsync(cancellationToken);
        var ids = campaigns.Select(c => c.Id).ToList();
        var outcomes = await TenantBypass.VisitOutcomes(db).Where(v => ids.Contains(v.CampaignId)).ToListAsync(cancellationToken);
        Campaigns = campaigns.Select(c => new CampaignRow(c, outcomes.Where(o => o.CampaignId == c.Id).GroupBy(o => o.Outcome)
            .ToDictionary(g => g.Key, g => g.Count()))).ToList();
        var signals = await db.Signals.AsNoTracking().Where(s => s.DoneAt == null && s.AssignedToUserId == tenant.UserId)
            .OrderBy(s => s.DueOn).ToListAsync(cancellationToken);
        foreach (var s in signals)
        {
            await audit.RecordViewAsync(s, cancellationToken);
        }
        Signals = signals.Select(s => new SignalView(s, cipher.Open(s.Note, s, nameof(Signal.Note)))).ToList();
    }
}
