using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Budget;
using Wijkbasis.Features.Impact;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Partners;

/// <summary>One agreement with a funder: its term and conditions, amounts per year, reporting dates (marked "ingediend"
/// when sent) and targets on indicators of the registry, each against its actuals over recent periods with a chart and
/// the table beside it (docs/decisions/0029). Every delete asks first.</summary>
public sealed class AgreementModel(WijkbasisDb db, TargetActuals actuals, TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    [BindProperty, Display(Name = "het jaar")] public int? AmountYear { get; set; }
    [BindProperty] public string? AmountEuros { get; set; }

    [BindProperty, Display(Name = "de datum")] public DateOnly? ReportDue { get; set; }
    [BindProperty] public string? ReportWhat { get; set; }

    [BindProperty] public string? TargetIndicator { get; set; }
    [BindProperty, Display(Name = "het doel")] public decimal? TargetValue { get; set; }
    [BindProperty, Display(Name = "de periode")] public PeriodKind? TargetPer { get; set; }

    /// <summary>The row a delete or "ingediend" is about.</summary>
    [BindProperty, Display(Name = "de regel")] public Guid? ItemId { get; set; }
    /// <summary>A delete is done only when the confirmation was answered with yes.</summary>
    [BindProperty, Display(Name = "de bevestiging")] public bool Confirmed { get; set; }
    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }

    public FundingAgreement Agreement { get; private set; } = null!;
    public string Funder { get; private set; } = "";
    public List<AgreementAmount> Amounts { get; private set; } = [];
    public List<AgreementReportDate> ReportDates { get; private set; } = [];
    public List<(AgreementTarget Target, TargetLine? Line)> Targets { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>The delete waiting for a yes: its handler, the row, and the question (a Dutch format and its values).</summary>
    public Confirmation? Confirm { get; private set; }

    public sealed record Confirmation(string Handler, Guid? ItemId, string Question, object[] Values);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        FormKey = FormOnce.NewKey();
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAmountAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var last = Agreement.EndsOn?.Year ?? AgreementEditModel.LatestYear;
        if (AmountYear is not { } year)
        {
            if (ModelState.GetFieldValidationState(nameof(AmountYear)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(nameof(AmountYear), "Vul het jaar in.");
            }
        }
        else if (year < Agreement.StartsOn.Year || year > last)
        {
            ModelState.AddRefusal(nameof(AmountYear), Agreement.EndsOn is null
                ? new Refusal("{0} valt buiten de looptijd van de afspraak: die begint in {1}.", year, Agreement.StartsOn.Year)
                : new Refusal("{0} valt buiten de looptijd van de afspraak ({1} tot en met {2}).", year, Agreement.StartsOn.Year, last));
        }
        else if (Amounts.Any(a => a.Year == year))
        {
            ModelState.AddRefusal(nameof(AmountYear), new Refusal("Voor {0} staat al een bedrag. Verwijder dat eerst als het anders moet.", year));
        }
        var (cents, problem) = Money.Read(AmountEuros, 9_999_999_99);
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(AmountEuros), problem);
        }
        else if (cents < 0)
        {
            ModelState.AddModelError(nameof(AmountEuros), "Een bedrag kan niet negatief zijn. Vul een bedrag van 0 of meer in.");
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        db.AgreementAmounts.Add(new AgreementAmount { AgreementId = Id, Year = AmountYear!.Value, Cents = cents });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken),
                new Refusal("Voor {0} staat al een bedrag. Verwijder dat eerst als het anders moet.", AmountYear.Value), nameof(AmountYear));
        }
        TempData.Say("Het bedrag voor {0} is vastgelegd.", AmountYear.Value);
        return RedirectToPage("/Partners/Agreement", null, new { id = Id }, "bedragen");
    }

    public async Task<IActionResult> OnPostReportDateAsync(CancellationToken cancellationToken)
    {
        if (await FormOnce.EarlierAsync(db, FormKey, cancellationToken) is { } earlier)
        {
            return this.SentBefore(earlier);
        }
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (ReportDue is not { } due || due.Year < AgreementEditModel.EarliestYear || due.Year > AgreementEditModel.LatestYear)
        {
            if (ModelState.GetFieldValidationState(nameof(ReportDue)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddRefusal(nameof(ReportDue), new Refusal("Kies de datum waarop de rapportage binnen moet zijn (tussen {0} en {1}).",
                    AgreementEditModel.EarliestYear, AgreementEditModel.LatestYear));
            }
        }
        var what = ReportWhat?.Trim() ?? "";
        if (what.Length == 0 || what.Length > AgreementReportDate.WhatMax)
        {
            ModelState.AddRefusal(nameof(ReportWhat), new Refusal("Schrijf op wat er moet worden ingeleverd (hoogstens {0} tekens).", AgreementReportDate.WhatMax));
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        db.AgreementReportDates.Add(new AgreementReportDate { AgreementId = Id, DueOn = ReportDue!.Value, What = what });
        return await SaveOnceAsync("rapportages", "De rapportagedatum is vastgelegd.", cancellationToken);
    }

    public async Task<IActionResult> OnPostSubmittedAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        if (await db.AgreementReportDates.SingleOrDefaultAsync(r => r.Id == ItemId && r.AgreementId == Id, cancellationToken) is not { } report)
        {
            return NotFound();
        }
        if (report.SubmittedOn is null)
        {
            report.SubmittedOn = time.AmsterdamToday();
            report.SubmittedByName = tenant.DisplayName;
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData.Say("‘{0}’ staat op ingediend.", report.What);
        return RedirectToPage("/Partners/Agreement", null, new { id = Id }, "rapportages");
    }

    public async Task<IActionResult> OnPostTargetAsync(CancellationToken cancellationToken)
    {
        if (await FormOnce.EarlierAsync(db, FormKey, cancellationToken) is { } earlier)
        {
            return this.SentBefore(earlier);
        }
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var key = TargetIndicator?.Trim() ?? "";
        if (key.Length == 0)
        {
            ModelState.AddModelError(nameof(TargetIndicator), "Kies het cijfer waar het doel over gaat.");
        }
        else if (!IndicatorRegistry.ById.ContainsKey(key))
        {
            ModelState.AddRefusal(nameof(TargetIndicator), new Refusal("Dit cijfer kennen we niet: ‘{0}’. Kies een cijfer uit de lijst.",
                key.Length > 40 ? key[..40] + "…" : key));
        }
        if (TargetValue is not { } value)
        {
            if (ModelState.GetFieldValidationState(nameof(TargetValue)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(nameof(TargetValue), "Vul het doel in als getal, bijvoorbeeld 50.");
            }
        }
        else if (value < 0 || value > AgreementTarget.ValueMax || decimal.Round(value, 2) != value)
        {
            ModelState.AddRefusal(nameof(TargetValue), new Refusal("Vul een doel in van 0 tot {0}, met hoogstens twee cijfers achter de komma.", "100.000.000"));
        }
        if (TargetPer is not (PeriodKind.Month or PeriodKind.Quarter or PeriodKind.Year)
            && ModelState.GetFieldValidationState(nameof(TargetPer)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(TargetPer), "Kies of het doel per maand, per kwartaal of per jaar geldt.");
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        db.AgreementTargets.Add(new AgreementTarget
        {
            AgreementId = Id, IndicatorId = key, Value = TargetValue!.Value, Per = TargetPer!.Value, CreatedAt = time.UtcNow(),
        });
        return await SaveOnceAsync("doelen", "Het doel is vastgelegd.", cancellationToken);
    }

    public Task<IActionResult> OnPostDeleteAmountAsync(CancellationToken cancellationToken) =>
        DeleteAsync("DeleteAmount", async () => await db.AgreementAmounts.SingleOrDefaultAsync(a => a.Id == ItemId && a.AgreementId == Id, cancellationToken)
            is { } amount ? (amount, "Weet u zeker dat u het bedrag voor {0} wilt verwijderen?", [amount.Year]) : null, "bedragen", cancellationToken);

    public Task<IActionResult> OnPostDeleteReportDateAsync(CancellationToken cancellationToken) =>
        DeleteAsync("DeleteReportDate", async () => await db.AgreementReportDates.SingleOrDefaultAsync(r => r.Id == ItemId && r.AgreementId == Id, cancellationToken)
            is { } report ? (report, "Weet u zeker dat u de rapportage ‘{0}’ wilt verwijderen?", [report.What]) : null, "rapportages", cancellationToken);

    public Task<IActionResult> OnPostDeleteTargetAsync(CancellationToken cancellationToken) =>
        DeleteAsync("DeleteTarget", async () => await db.AgreementTargets.SingleOrDefaultAsync(t => t.Id == ItemId && t.AgreementId == Id, cancellationToken)
            is { } target ? (target, "Weet u zeker dat u het doel op ‘{0}’ wilt verwijderen?", [IndicatorRegistry.ById.TryGetValue(target.IndicatorId, out var i) ? i.Name : target.IndicatorId]) : null,
            "doelen", cancellationToken);

    /// <summary>Deletes the agreement with its amounts, reporting dates and targets (a fixed report keeps the targets it
    /// was fixed with: they are in its frozen content).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        if (!Confirmed)
        {
            Confirm = new Confirmation("Delete", null, "Weet u zeker dat u de afspraak ‘{0}’ wilt verwijderen, met de bedragen, rapportagedata en doelen? Dit kan niet ongedaan worden gemaakt.", [Agreement.Title]);
            return Page();
        }
        db.AgreementAmounts.RemoveRange(await db.AgreementAmounts.Where(a => a.AgreementId == Id).ToListAsync(cancellationToken));
        db.AgreementReportDates.RemoveRange(await db.AgreementReportDates.Where(a => a.AgreementId == Id).ToListAsync(cancellationToken));
        db.AgreementTargets.RemoveRange(await db.AgreementTargets.Where(a => a.AgreementId == Id).ToListAsync(cancellationToken));
        db.FundingAgreements.Remove(await db.FundingAgreements.SingleAsync(a => a.Id == Id, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De afspraak ‘{0}’ is verwijderd.", Agreement.Title);
        return RedirectToPage("/Partners/Agreements");
    }

    private async Task<IActionResult> DeleteAsync(string handler, Func<Task<(object Row, string Question, object[] Values)?>> find, string anchor,
        CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return await this.RefuseAsync(db, () => LoadAsync(cancellationToken));
        }
        if (await find() is not { } found)
        {
            return NotFound();
        }
        if (!Confirmed)
        {
            Confirm = new Confirmation(handler, ItemId, found.Question, found.Values);
            return Page();
        }
        db.Remove(found.Row);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("Verwijderd.");
        return RedirectToPage("/Partners/Agreement", null, new { id = Id }, anchor);
    }

    private async Task<IActionResult> SaveOnceAsync(string anchor, string said, CancellationToken cancellationToken)
    {
        FormOnce.Record(db, time, FormKey, Url.Page("/Partners/Agreement", null, new { id = Id }, null, null, anchor));
        if (await FormOnce.SaveAsync(db, FormKey, () => db.SaveChangesAsync(cancellationToken), cancellationToken) is { Earlier: { } first })
        {
            return this.SentBefore(first);
        }
        TempData.Say(said);
        return RedirectToPage("/Partners/Agreement", null, new { id = Id }, anchor);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Today = time.AmsterdamToday();
        if (await db.FundingAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == Id, cancellationToken) is not { } agreement)
        {
            return false;
        }
        Agreement = agreement;
        Funder = await db.Organisations.Where(o => o.Id == agreement.FunderId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        Amounts = await db.AgreementAmounts.AsNoTracking().Where(a => a.AgreementId == Id).OrderBy(a => a.Year).ToListAsync(cancellationToken);
        ReportDates = await db.AgreementReportDates.AsNoTracking().Where(r => r.AgreementId == Id).OrderBy(r => r.DueOn).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var targets = await db.AgreementTargets.AsNoTracking().Where(t => t.AgreementId == Id).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        Targets = [];
        foreach (var target in targets)
        {
            Targets.Add((target, await actuals.LineAsync(agreement, Funder, target, actuals.RecentPeriods(agreement, target.Per), cancellationToken)));
        }
        return true;
    }
}
