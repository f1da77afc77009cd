using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Surveys;

/// <summary>Makes a batch of single-use links for an instrument or survey and shows them once, as a sheet of QR codes to
/// print and hand out: only the hash of each token is stored, so the sheet cannot be shown again (docs/decisions/0031).</summary>
public sealed class LinksModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    public const int MaxBatch = 60;
    public const int MaxDays = 90;

    [BindProperty(SupportsGet = true, Name = "instrument"), System.ComponentModel.DataAnnotations.Display(Name = "het instrument")]
    public Instrument? Chosen { get; set; }
    [BindProperty(SupportsGet = true, Name = "vragenlijst")] public Guid? SurveyId { get; set; }
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "het aantal")] public int? Count { get; set; }
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "het aantal dagen")] public int? Days { get; set; }
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "de ronde")] public string? Round { get; set; }
    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }

    public Survey? Survey { get; private set; }
    public List<(string Url, string Svg)> Sheet { get; private set; } = [];
    public DateTime? ExpiresAt { get; private set; }
    public int Open { get; private set; }
    public int Used { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        (Count, Days, FormKey) = (20, 14, FormOnce.NewKey());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (await FormOnce.EarlierAsync(db, FormKey, cancellationToken) is { } earlier)
        {
            return this.SentBefore(earlier);
        }
        if (Count is not { } count || count is < 1 or > MaxBatch)
        {
            ModelState.AddRefusal(nameof(Count), new Refusal("Kies een aantal links van 1 tot en met {0}.", MaxBatch));
        }
        if (Days is not { } days || days is < 1 or > MaxDays)
        {
            ModelState.AddRefusal(nameof(Days), new Refusal("Kies hoelang de links werken: 1 tot en met {0} dagen.", MaxDays));
        }
        var round = string.IsNullOrWhiteSpace(Round) ? null : Round.Trim();
        if (round is { Length: > SurveyResponse.RoundMax })
        {
            ModelState.AddRefusal(nameof(Round), new Refusal("De naam van de ronde is te lang (hoogstens {0} tekens).", SurveyResponse.RoundMax));
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        var now = time.UtcNow();
        ExpiresAt = now.AddDays(Days!.Value);
        using var generator = new QRCodeGenerator();
        for (var i = 0; i < Count!.Value; i++)
        {
            var token = SurveyLink.NewToken();
            db.SurveyLinks.Add(new SurveyLink
            {
                Instrument = Chosen!.Value, SurveyId = Survey?.Id, Round = round, TokenHash = SurveyLink.Hash(token),
                ExpiresAt = ExpiresAt.Value, CreatedAt = now, ByName = tenant.DisplayName,
            });
            var url = Url.Page("/Surveys/Answer", null, new { slug = tenant.Slug, token }, Request.Scheme)!;
            using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
            Sheet.Add((url, new SvgQRCode(data).GetGraphic(3)));
        }
        FormOnce.Record(db, time, FormKey, Url.Page("/Surveys/Index", new { instrument = Chosen, vragenlijst = Survey?.Id }));
        if (await FormOnce.SaveAsync(db, FormKey, () => db.SaveChangesAsync(cancellationToken), cancellationToken) is { Earlier: { } first })
        {
            return this.SentBefore(first);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Chosen ??= Instrument.DeJongGierveld6;
        if (!Enum.IsDefined(Chosen.Value))
        {
            return false;
        }
        if (Chosen == Instrument.Custom)
        {
            Survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SurveyId && s.ArchivedAt == null, cancellationToken);
            if (Survey is null)
            {
                return false;
            }
        }
        var now = time.UtcNow();
        var surveyId = Survey?.Id;
        var links = db.SurveyLinks.AsNoTracking().Where(l => l.Instrument == Chosen && l.SurveyId == surveyId);
        Open = await links.CountAsync(l => l.UsedAt == null && l.ExpiresAt > now, cancellationToken);
        Used = await links.CountAsync(l => l.UsedAt != null, cancellationToken);
        return true;
    }
}
