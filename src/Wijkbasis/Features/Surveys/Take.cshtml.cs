using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Secrets;
using Wijkbasis.Infrastructure.Tenancy;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Surveys;

/// <summary>A worker fills in an instrument or survey with a resident beside them. The answers are sealed and the page
/// never shows a score: the result is only seen as a group figure on Metingen (docs/decisions/0031).</summary>
public sealed class TakeModel(WijkbasisDb db, FieldCipher cipher, TenantContext tenant, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "instrument"), System.ComponentModel.DataAnnotations.Display(Name = "het instrument")]
    public Instrument? Instrument { get; set; }
    [BindProperty(SupportsGet = true, Name = "vragenlijst")] public Guid? SurveyId { get; set; }
    [BindProperty] public ResponseInput Input { get; set; } = new();
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "de ronde")] public string? Round { get; set; }
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "de datum")] public DateOnly? TakenOn { get; set; }
    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }

    public string PersonName { get; private set; } = "";
    public Survey? Survey { get; private set; }
    public List<SurveyQuestion> Questions { get; private set; } = [];
    public List<Survey> OwnSurveys { get; private set; } = [];
    public List<string> KnownRounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        // The 6-item loneliness scale unless another is chosen: the form is there at once (links above switch).
        Instrument ??= Surveys.Instrument.DeJongGierveld6;
        TakenOn = time.AmsterdamToday();
        FormKey = FormOnce.NewKey();
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
        if (Instrument is not { } instrument)
        {
            return this.Refuse(new Refusal("Kies eerst een vragenlijst."));
        }
        var answers = ResponseForm.Read(instrument, Questions, Input, ModelState, nameof(Input) + ".");
        var round = string.IsNullOrWhiteSpace(Round) ? null : Round.Trim();
        if (round is { Length: > SurveyResponse.RoundMax })
        {
            ModelState.AddRefusal(nameof(Round), new Refusal("De naam van de ronde is te lang (hoogstens {0} tekens).", SurveyResponse.RoundMax));
        }
        var today = time.AmsterdamToday();
        if (TakenOn is not { } takenOn)
        {
            if (ModelState[nameof(TakenOn)]?.Errors.Count is null or 0)
            {
                ModelState.AddRefusal(nameof(TakenOn), new Refusal("Vul de datum van de meting in."));
            }
        }
        else if (takenOn > today || takenOn < today.AddYears(-1))
        {
            ModelState.AddRefusal(nameof(TakenOn), new Refusal("Kies een datum in het afgelopen jaar, niet in de toekomst."));
        }
        if (!ModelState.IsValid || answers is null)
        {
            return this.Refuse();
        }
        var response = new SurveyResponse
        {
            Instrument = instrument, SurveyId = Survey?.Id, PersonId = Id, Round = round, TakenOn = TakenOn!.Value,
            ByUserId = tenant.UserId, ByName = tenant.DisplayName, CreatedAt = time.UtcNow(), Answers = null!,
        };
        response.Answers = cipher.Seal(answers.ToJson(), response, SurveyResponse.AnswersField)!;
        db.SurveyResponses.Add(response);
        var back = Url.Page("/People/Details", new { id = Id });
        FormOnce.Record(db, time, FormKey, back);
        if (await FormOnce.SaveAsync(db, FormKey, () => db.SaveChangesAsync(cancellationToken), cancellationToken) is { Earlier: { } first })
        {
            return this.SentBefore(first);
        }
        TempData.Say("De meting is opgeslagen. De uitkomst is alleen als groepscijfer te zien, bij 5 of meer antwoorden.");
        return LocalRedirect(back!);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        // Through the register's filters: another enterprise's person, or one this worker may not see, is not found.
        if (await db.People.AsNoTracking().Where(p => p.Id == Id).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) is not { } name)
        {
            return false;
        }
        PersonName = name;
        OwnSurveys = await db.Surveys.AsNoTracking().Where(s => s.ArchivedAt == null).OrderBy(s => s.TitleNl).ToListAsync(cancellationToken);
        KnownRounds = await db.SurveyResponses.AsNoTracking().Where(r => r.Round != null).Select(r => r.Round!).Distinct()
            .OrderBy(r => r).Take(50).ToListAsync(cancellationToken);
        if (Instrument is Surveys.Instrument.Custom)
        {
            Survey = OwnSurveys.SingleOrDefault(s => s.Id == SurveyId);
            if (Survey is null)
            {
                return false;
            }
            Questions = await db.SurveyQuestions.AsNoTracking().Where(q => q.SurveyId == Survey.Id).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        }
        else if (Instrument is { } i && !Enum.IsDefined(i))
        {
            return false;
        }
        return true;
    }

    public static string Title(Instrument instrument, Survey? survey, bool english) => instrument switch
    {
        Surveys.Instrument.DeJongGierveld6 => "Eenzaamheid (De Jong Gierveld, 6 vragen)",
        Surveys.Instrument.DeJongGierveld11 => "Eenzaamheid (De Jong Gierveld, 11 vragen)",
        Surveys.Instrument.Participatieladder => "Participatieladder",
        _ => english && !string.IsNullOrWhiteSpace(survey?.TitleEn) ? survey.TitleEn : survey?.TitleNl ?? "",
    };
}
