using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.People;

/// <summary>Erasure on request (AVG art. 17): first what will be erased and what must be kept (why, until when), then the
/// request's date and reason and the person's name typed as confirmation. A repeat of the same post erases nothing twice.</summary>
public sealed class EraseModel(WijkbasisDb db, PersonErasure erasure, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(Name = nameof(Input))] public EraseInput Input { get; set; } = new();

    public PersonErasure.Plan Plan { get; private set; } = null!;

    public sealed class EraseInput
    {
        public DateOnly? RequestedOn { get; set; }
        public string? Reason { get; set; }
        public string? ConfirmName { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await erasure.PlanAsync(Id, ct) is not { } plan)
        {
            return NotFound();
        }
        Plan = plan;
        Input.RequestedOn ??= time.AmsterdamToday();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await erasure.PlanAsync(Id, ct) is not { } plan)
        {
            return await TenantBypass.ErasedOrNot(db).AnyAsync(p => p.Id == Id && p.ErasedAt != null, ct) ? Done(again: true) : NotFound();
        }
        Plan = plan;
        var today = time.AmsterdamToday();
        if (Input.RequestedOn is not { } requestedOn)
        {
            ModelState.AddRefusal("Input.RequestedOn", new Refusal("Vul in op welke dag de persoon om verwijdering vroeg."));
        }
        else if (requestedOn > today || requestedOn < today.AddYears(-2))
        {
            ModelState.AddRefusal("Input.RequestedOn", new Refusal("Kies een dag tussen twee jaar geleden en vandaag."));
        }
        var reason = Input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            ModelState.AddRefusal("Input.Reason", new Refusal("Schrijf op hoe het verzoek binnenkwam (bijvoorbeeld: per brief, aan de balie)."));
        }
        else if (reason.Length > Person.ErasureReasonMax)
        {
            ModelState.AddRefusal("Input.Reason", new Refusal("De reden mag hoogstens {0} tekens lang zijn.", Person.ErasureReasonMax));
        }
        if (SearchText.Normalize(Input.ConfirmName) != SearchText.Normalize(plan.Name))
        {
            ModelState.AddRefusal("Input.ConfirmName", new Refusal("Typ de naam precies zoals hij hierboven staat, om te bevestigen dat u deze persoon wilt wissen."));
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        try
        {
            return await erasure.EraseAsync(Id, Input.RequestedOn!.Value, reason!, ct) switch
            {
                PersonErasure.Outcome.NotFound => NotFound(),
                PersonErasure.Outcome.AlreadyErased => Done(again: true),
                _ => Done(again: false),
            };
        }
        catch (DbUpdateConcurrencyException)
        {
            // A second submission raced the first: the first erased, this one changed nothing.
            return Done(again: true);
        }
    }

    private RedirectToPageResult Done(bool again)
    {
        TempData.Say(again ? FormOnce.SentBeforeText : "De gegevens zijn gewist. Wat bewaard moet blijven, staat er nog zonder naam.");
        return RedirectToPage("/People/Index");
    }
}
