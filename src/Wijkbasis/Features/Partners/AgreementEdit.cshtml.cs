using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Partners;

/// <summary>Adds or edits an agreement with a funder: kind, funder, name, term and conditions (docs/decisions/0029). An end
/// before the start is refused; only a structural agreement may go without an end; a new term must still hold the years
/// of the amounts already entered.</summary>
public sealed class AgreementEditModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    public const int EarliestYear = 2000;
    public const int LatestYear = 2100;

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty, Display(Name = "de soort afspraak")] public AgreementKind? Kind { get; set; }
    [BindProperty, Display(Name = "de financier")] public Guid? FunderId { get; set; }
    [BindProperty, Display(Name = "de startdatum")] public DateOnly? StartsOn { get; set; }
    [BindProperty, Display(Name = "de einddatum")] public DateOnly? EndsOn { get; set; }
    [BindProperty] public string? Conditions { get; set; }
    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }

    public List<(Guid Id, string Name)> Funders { get; private set; } = [];
    public bool IsNew => Id is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await db.FundingAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } a)
            {
                return NotFound();
            }
            (Title, Kind, FunderId, StartsOn, EndsOn, Conditions) = (a.Title, a.Kind, a.FunderId, a.StartsOn, a.EndsOn, a.Conditions);
        }
        else
        {
            FormKey = FormOnce.NewKey();
            StartsOn = new DateOnly(time.AmsterdamToday().Year, 1, 1);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (IsNew && await FormOnce.EarlierAsync(db, FormKey, cancellationToken) is { } earlier)
        {
            return this.SentBefore(earlier);
        }
        FundingAgreement? agreement = null;
        if (Id is { } id && (agreement = await db.FundingAgreements.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)) is null)
        {
            return NotFound();
        }
        var title = Title?.Trim() ?? "";
        if (title.Length == 0 || title.Length > FundingAgreement.TitleMax)
        {
            ModelState.AddRefusal(nameof(Title), new Refusal("Vul de naam van de afspraak in (hoogstens {0} tekens).", FundingAgreement.TitleMax));
        }
        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError(nameof(Kind), "Kies de soort afspraak: structureel, meerjarig of project.");
        }
        if (FunderId is not { } funder || !await db.Organisations.AnyAsync(o => o.Id == funder, cancellationToken))
        {
            ModelState.AddModelError(nameof(FunderId), "Kies de financier uit de lijst met organisaties.");
        }
        if (StartsOn is not { } start || start.Year < EarliestYear || start.Year > LatestYear)
        {
            if (ModelState.GetFieldValidationState(nameof(StartsOn)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddRefusal(nameof(StartsOn), new Refusal("Kies vanaf wanneer de afspraak geldt (een datum tussen {0} en {1}).", EarliestYear, LatestYear));
            }
        }
        else if (EndsOn is { } end)
        {
            if (end < start)
            {
                ModelState.AddModelError(nameof(EndsOn), "De einddatum ligt vóór de startdatum. Kies een einddatum op of na de start.");
            }
            else if (end.Year > LatestYear)
            {
                ModelState.AddRefusal(nameof(EndsOn), new Refusal("Kies een einddatum vóór {0}.", LatestYear + 1));
            }
        }
        else if (Kind is { } k && k != AgreementKind.Structural && ModelState.GetFieldValidationState(nameof(EndsOn)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(EndsOn), "Vul de einddatum in. Alleen een structurele afspraak mag zonder einde.");
        }
        var conditions = string.IsNullOrWhiteSpace(Conditions) ? null : Conditions.Trim();
        if (conditions is not null && conditions.Length > FundingAgreement.ConditionsMax)
        {
            ModelState.AddRefusal(nameof(Conditions), new Refusal("Dit veld is te lang (hoogstens {0} tekens).", FundingAgreement.ConditionsMax));
        }
        if (ModelState.IsValid && agreement is not null)
        {
            // A shorter term must still hold the years of the amounts already entered.
            var first = StartsOn!.Value.Year;
            var last = EndsOn?.Year ?? int.MaxValue;
            if (await db.AgreementAmounts.Where(a => a.AgreementId == agreement.Id && (a.Year < first || a.Year > last))
                    .OrderBy(a => a.Year).Select(a => (int?)a.Year).FirstOrDefaultAsync(cancellationToken) is { } outside)
            {
                ModelState.AddRefusal(nameof(StartsOn), new Refusal("Er staat een bedrag voor {0}, buiten de nieuwe looptijd. Verwijder eerst dat bedrag.", outside));
            }
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        var now = time.UtcNow();
        if (agreement is null)
        {
            agreement = new FundingAgreement { Title = title, CreatedAt = now };
            db.FundingAgreements.Add(agreement);
        }
        agreement.Title = title;
        agreement.Kind = Kind!.Value;
        agreement.FunderId = FunderId!.Value;
        agreement.StartsOn = StartsOn!.Value;
        agreement.EndsOn = EndsOn;
        agreement.Conditions = conditions;
        agreement.UpdatedAt = now;
        if (IsNew)
        {
            FormOnce.Record(db, time, FormKey, Url.Page("/Partners/Agreement", new { id = agreement.Id }));
        }
        if (await FormOnce.SaveAsync(db, FormKey, () => db.SaveChangesAsync(cancellationToken), cancellationToken) is { Earlier: { } firstSent })
        {
            return this.SentBefore(firstSent);
        }
        TempData.Say(IsNew ? "{0} is toegevoegd." : "{0} is bijgewerkt.", agreement.Title);
        return RedirectToPage("/Partners/Agreement", new { id = agreement.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Funders = (await db.Organisations.AsNoTracking().OrderBy(o => o.NameKey).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.Name)).ToList();
}
