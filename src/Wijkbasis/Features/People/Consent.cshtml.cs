using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Auth;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.People;

/// <summary>Records consent given or withdrawn for one purpose; the form sits on the person's page.</summary>
public sealed class ConsentModel(WijkbasisDb db, TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty, Display(Name = "Doel"), Required(ErrorMessage = "Kies een doel.")] public ConsentPurpose? Purpose { get; set; }
    [BindProperty, Display(Name = "Grondslag"), Required(ErrorMessage = "Kies een grondslag.")] public LegalBasis? LegalBasis { get; set; }
    [BindProperty, Display(Name = "Toestemming"), Required(ErrorMessage = "Kies of de toestemming is gegeven of ingetrokken.")] public bool? Given { get; set; }
    [BindProperty, StringLength(ConsentRecord.NoteMax, ErrorMessage = "De toelichting mag maximaal {1} tekens lang zijn.")] public string? Note { get; set; }

    public IActionResult OnGet() => RedirectToPage("/People/Details", null, new { id = Id }, "toestemming");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var person = await db.People.Where(p => p.Id == Id).Select(p => new { p.Id, p.ArchivedAt }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        if (person.ArchivedAt is not null)
        {
            ModelState.AddModelError("", "Deze persoon is gearchiveerd. Zet de persoon eerst terug.");
        }
        if (Purpose is { } p && !Enum.IsDefined(p))
        {
            ModelState.AddModelError(nameof(Purpose), "Kies een doel.");
        }
        if (LegalBasis is { } b && !Enum.IsDefined(b))
        {
            ModelState.AddModelError(nameof(LegalBasis), "Kies een grondslag.");
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        db.Consents.Add(new ConsentRecord
        {
            PersonId = person.Id,
            Purpose = Purpose!.Value,
            LegalBasis = LegalBasis!.Value,
            Given = Given!.Value,
            RecordedAt = time.UtcNow(),
            RecordedByUserId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!),
            RecordedByName = User.FindFirstValue(WijkbasisClaims.DisplayName) ?? User.Identity!.Name!,
            Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
        });
        // A person's offer is shown outside the enterprise only while this consent is in force.
        await Talents.TalentSharing.ApplyAsync(db, tenant, person.Id, null, time.UtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say(Given.Value ? "Toestemming vastgelegd: {0}." : "Toestemming ingetrokken: {0}. Dit geldt vanaf nu.", ConsentLabels.Of(Purpose.Value));
        return RedirectToPage("/People/Details", null, new { id = person.Id }, "toestemming");
    }
}
