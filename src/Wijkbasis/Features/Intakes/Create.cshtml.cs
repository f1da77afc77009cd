using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Intakes;

/// <summary>A wijkverbinder records an intake for a resident; the triage proposal is made on save.</summary>
public sealed class CreateModel(WijkbasisDb db, TenantContext tenant, TimeProvider time, FieldCipher cipher) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "persoon")] public Guid? PersonId { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(Name = nameof(Input))] public IntakeInput Input { get; set; } = new();

    public Person? Person { get; private set; }
    /// <summary>Whether a legal basis for the buddy programme is in force for this person.</summary>
    public bool HasBasis { get; private set; }
    public List<Person> Matches { get; private set; } = [];
    /// <summary>The enterprise's licensed criteria texts per cell, when it loaded them.</summary>
    public Dictionary<(ZrmDomain, int), string> Criteria { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Input = IntakeInput.Blank(time.AmsterdamToday());
        if (PersonId is null)
        {
            if (!string.IsNullOrWhiteSpace(Q))
            {
                Matches = await db.People.AsNoTracking().Where(p => p.ArchivedAt == null).Matching(Q)
                    .OrderBy(p => p.SearchName).Take(20).ToListAsync(cancellationToken);
            }
            return Page();
        }
        return await LoadPersonAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (PersonId is null || !await LoadPersonAsync(cancellationToken))
        {
            return NotFound();
        }
        foreach (var (field, refusal) in Input.Check(time.AmsterdamToday()))
        {
            ModelState.AddRefusal($"{nameof(Input)}.{field}", refusal);
        }
        if (!HasBasis && !Input.Consent)
        {
            ModelState.AddRefusal($"{nameof(Input)}.{nameof(IntakeInput.Consent)}",
                new("Vraag of de bewoner meedoet met het buddyprogramma en het goed vindt dat we dit vastleggen."));
        }
        if (!ModelState.IsValid)
        {
            // The person and the criteria are loaded already: show the form again with what was typed.
            return this.Refuse();
        }
        var settings = await db.ProgrammeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new ProgrammeSettings();
        var proposal = settings.Rule.Propose(Input.Scores, Input.SafetyConcern);
        var now = time.UtcNow();
        var intake = new Intake
        {
            PersonId = Person!.Id, HeldOn = Input.HeldOn!.Value, ByUserId = tenant.UserId!.Value, ByName = tenant.DisplayName,
            NeedTags = Tags.Normalize(Input.NeedTags), SafetyConcern = Input.SafetyConcern, Availability = Input.AvailabilityMask,
            ProposedWeight = proposal.Weight, RuleHeavyAtOrBelow = settings.HeavyAtOrBelow,
            RuleSafetyConcernIsHeavy = settings.SafetyConcernIsHeavy, CreatedAt = now,
        };
        intake.Want = cipher.Seal(Input.Want?.Trim(), intake, nameof(Intake.Want));
        intake.Can = cipher.Seal(Input.Can?.Trim(), intake, nameof(Intake.Can));
        intake.Need = cipher.Seal(Input.Need?.Trim(), intake, nameof(Intake.Need));
        intake.Goals = cipher.Seal(string.Join("\n", IntakeInput.GoalLines(Input.Goals)), intake, nameof(Intake.Goals));
        intake.Zrm = Input.Scores.IsEmpty ? null : cipher.Seal(Input.Scores.ToJson(), intake, nameof(Intake.Zrm));
        db.Intakes.Add(intake);
        if (!HasBasis)
        {
            db.Consents.Add(new ConsentRecord
            {
                PersonId = Person.Id, Purpose = ConsentPurpose.BuddyProgramme, LegalBasis = LegalBasis.Consent, Given = true,
                RecordedAt = now, RecordedByUserId = tenant.UserId!.Value, RecordedByName = tenant.DisplayName,
                Note = "Vastgelegd bij de intake",
            });
        }
        var person = await db.People.SingleAsync(p => p.Id == Person.Id, cancellationToken);
        person.IsVrager = true;
        await db.SaveChangesAsync(cancellationToken);
        TempData.Say("De intake van {0} is opgeslagen. Kies nu licht of zwaar.", Person.Name);
        return RedirectToPage("/Intakes/Details", new { id = intake.Id });
    }

    private async Task<bool> LoadPersonAsync(CancellationToken cancellationToken)
    {
        Criteria = (await db.ZrmCriteria.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(c => (c.Domain, c.Level), c => c.Text);
        Person = await db.People.AsNoTracking().Include(p => p.Consents)
            .SingleOrDefaultAsync(p => p.Id == PersonId && p.ArchivedAt == null, cancellationToken);
        if (Person is null)
        {
            return false;
        }
        HasBasis = ConsentRules.InForce(Person.Consents).TryGetValue(ConsentPurpose.BuddyProgramme, out var basis)
            && (basis.Given || basis.LegalBasis != LegalBasis.Consent);
        return true;
    }
}
