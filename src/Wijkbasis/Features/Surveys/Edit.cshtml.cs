using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Surveys;

/// <summary>One question as typed in the builder.</summary>
public sealed class QuestionInput
{
    [System.ComponentModel.DataAnnotations.Display(Name = "de soort vraag")] public QuestionKind? Kind { get; set; }
    public string? TextNl { get; set; }
    public string? TextEn { get; set; }
    public string? ChoicesNl { get; set; }
    public string? ChoicesEn { get; set; }
    [System.ComponentModel.DataAnnotations.Display(Name = "het laagste getal")] public int? Min { get; set; }
    [System.ComponentModel.DataAnnotations.Display(Name = "het hoogste getal")] public int? Max { get; set; }
    public bool Required { get; set; }
}

/// <summary>An enterprise builds its own simple survey: a title and questions (scale 1–5, one choice, several choices, a
/// number in a range, short text), in Dutch and optionally English. Once answered, its questions are fixed (answers point
/// at them); the title can still change.</summary>
public sealed class EditModel(WijkbasisDb db, TimeProvider time) : PageModel
{
    public const int MaxQuestions = 30;
    public const int MaxChoices = 12;

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public string? TitleNl { get; set; }
    [BindProperty] public string? TitleEn { get; set; }
    [BindProperty] public List<QuestionInput> Questions { get; set; } = [];
    [BindProperty(Name = FormOnce.FieldName)] public Guid? FormKey { get; set; }

    public bool IsNew => Id is null;
    public bool Answered { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } survey)
            {
                return NotFound();
            }
            (TitleNl, TitleEn) = (survey.TitleNl, survey.TitleEn);
            Questions = await db.SurveyQuestions.AsNoTracking().Where(q => q.SurveyId == id).OrderBy(q => q.Position)
                .Select(q => new QuestionInput
                {
                    Kind = q.Kind, TextNl = q.TextNl, TextEn = q.TextEn, ChoicesNl = q.ChoicesNl, ChoicesEn = q.ChoicesEn,
                    Min = q.Min, Max = q.Max, Required = q.Required,
                }).ToListAsync(cancellationToken);
            Answered = await db.SurveyResponses.AnyAsync(r => r.SurveyId == id, cancellationToken);
        }
        else
        {
            FormKey = FormOnce.NewKey();
        }
        if (!Answered)
        {
            Questions.AddRange(Enumerable.Range(0, 3).Select(_ => new QuestionInput { Required = true }));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (IsNew && await FormOnce.EarlierAsync(db, FormKey, cancellationToken) is { } earlier)
        {
            return this.SentBefore(earlier);
        }
        Survey? survey = null;
        if (Id is { } id && (survey = await db.Surveys.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)) is null)
        {
            return NotFound();
        }
        Answered = survey is not null && await db.SurveyResponses.AnyAsync(r => r.SurveyId == survey.Id, cancellationToken);
        var titleNl = TitleNl?.Trim() ?? "";
        var titleEn = string.IsNullOrWhiteSpace(TitleEn) ? null : TitleEn.Trim();
        if (titleNl.Length == 0)
        {
            ModelState.AddRefusal(nameof(TitleNl), new Refusal("Vul de titel in het Nederlands in."));
        }
        else if (titleNl.Length > Survey.TitleMax || titleEn?.Length > Survey.TitleMax)
        {
            ModelState.AddRefusal(nameof(TitleNl), new Refusal("De titel is te lang (hoogstens {0} tekens).", Survey.TitleMax));
        }
        var questions = new List<SurveyQuestion>();
        if (!Answered)
        {
            if (Questions.Count > MaxQuestions)
            {
                ModelState.AddRefusal("", new Refusal("Een vragenlijst heeft hoogstens {0} vragen.", MaxQuestions));
            }
            for (var i = 0; i < Questions.Count && i < MaxQuestions; i++)
            {
                if (Read(i, Questions[i]) is { } q)
                {
                    q.Position = questions.Count;
                    questions.Add(q);
                }
            }
            if (questions.Count == 0 && ModelState.IsValid)
            {
                ModelState.AddRefusal($"{nameof(Questions)}[0].{nameof(QuestionInput.TextNl)}", new Refusal("Vul ten minste één vraag in."));
            }
        }
        if (!ModelState.IsValid)
        {
            return this.Refuse();
        }
        var now = time.UtcNow();
        if (survey is null)
        {
            survey = new Survey { TitleNl = titleNl, CreatedAt = now };
            db.Surveys.Add(survey);
        }
        survey.TitleNl = titleNl;
        survey.TitleEn = titleEn;
        if (!Answered)
        {
            await db.SurveyQuestions.Where(q => q.SurveyId == survey.Id).ExecuteDeleteAsync(cancellationToken);
            foreach (var q in questions)
            {
                q.SurveyId = survey.Id;
                db.SurveyQuestions.Add(q);
            }
        }
        var result = Url.Page("/Surveys/Index", new { instrument = Instrument.Custom, vragenlijst = survey.Id });
        if (IsNew)
        {
            FormOnce.Record(db, time, FormKey, result);
        }
        var saved = await db.InTransactionAsync(() => FormOnce.SaveAsync(db, FormKey, () => db.SaveChangesAsync(cancellationToken), cancellationToken), cancellationToken);
        if (saved is { Earlier: { } first })
        {
            return this.SentBefore(first);
        }
        TempData.Say(IsNew ? "{0} is gemaakt." : "{0} is bijgewerkt.", survey.TitleNl);
        return LocalRedirect(result!);
    }

    private SurveyQuestion? Read(int i, QuestionInput input)
    {
        string Key(string field) => $"{nameof(Questions)}[{i}].{field}";
        var textNl = input.TextNl?.Trim() ?? "";
        var textEn = string.IsNullOrWhiteSpace(input.TextEn) ? null : input.TextEn.Trim();
        if (textNl.Length == 0)
        {
            // An empty row is left out; English without Dutch is a mistake.
            if (textEn is not null)
            {
                ModelState.AddRefusal(Key(nameof(QuestionInput.TextNl)), new Refusal("Vul bij vraag {0} ook de Nederlandse tekst in.", i + 1));
            }
            return null;
        }
        if (textNl.Length > SurveyQuestion.TextMax || textEn?.Length > SurveyQuestion.TextMax)
        {
            ModelState.AddRefusal(Key(nameof(QuestionInput.TextNl)), new Refusal("De tekst van vraag {0} is te lang (hoogstens {1} tekens).", i + 1, SurveyQuestion.TextMax));
        }
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            if (ModelState[Key(nameof(QuestionInput.Kind))]?.Errors.Count is null or 0)
            {
                ModelState.AddRefusal(Key(nameof(QuestionInput.Kind)), new Refusal("Kies bij vraag {0} de soort vraag.", i + 1));
            }
            return null;
        }
        var q = new SurveyQuestion { Kind = kind, TextNl = textNl, TextEn = textEn, Required = input.Required };
        if (kind is QuestionKind.OneChoice or QuestionKind.SeveralChoices)
        {
            var nl = SurveyQuestion.Lines(input.ChoicesNl);
            var en = SurveyQuestion.Lines(input.ChoicesEn);
            if (nl.Count < 2 || nl.Count > MaxChoices || nl.Any(c => c.Length > 100))
            {
                ModelState.AddRefusal(Key(nameof(QuestionInput.ChoicesNl)), new Refusal("Geef bij vraag {0} 2 tot {1} keuzes, elk op een eigen regel.", i + 1, MaxChoices));
            }
            else if (en.Count > 0 && en.Count != nl.Count)
            {
                ModelState.AddRefusal(Key(nameof(QuestionInput.ChoicesEn)), new Refusal("Geef bij vraag {0} evenveel Engelse als Nederlandse keuzes.", i + 1));
            }
            q.ChoicesNl = string.Join('\n', nl);
            q.ChoicesEn = en.Count == 0 ? null : string.Join('\n', en);
        }
        if (kind == QuestionKind.Number)
        {
            if (input.Min is not { } min || input.Max is not { } max || min > max || min < -1_000_000 || max > 1_000_000)
            {
                ModelState.AddRefusal(Key(nameof(QuestionInput.Min)), new Refusal("Geef bij vraag {0} het laagste en hoogste getal (tussen -1000000 en 1000000, laagste eerst).", i + 1));
            }
            else
            {
                (q.Min, q.Max) = (min, max);
            }
        }
        return q;
    }
}
