using Microsoft.EntityFrameworkCore;
using Wijkbasis.Features.Surveys;
using Wijkbasis.Tests.Infrastructure;

namespace Wijkbasis.Tests.Features.Surveys;

/// <summary>The demo has no surveys of its own; the sample makes one in De Huiskamer the first time it is asked.</summary>
public sealed class SurveysSamples : ISampleRecords
{
    public IReadOnlyDictionary<string, Func<WijkbasisFactory, Task<Guid>>> Samples { get; } = new Dictionary<string, Func<WijkbasisFactory, Task<Guid>>>
    {
        ["metingen/vragenlijsten"] = SurveyAsync,
    };

    public static Task<Guid> SurveyAsync(WijkbasisFactory app) => app.InDbAsync("huiskamer", async db =>
    {
        if (await db.Surveys.OrderBy(s => s.CreatedAt).Select(s => (Guid?)s.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }
        var survey = new Survey { TitleNl = "Hoe bevalt de huiskamer?", TitleEn = "How do you like the living room?", CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime };
        db.Surveys.Add(survey);
        db.SurveyQuestions.Add(new SurveyQuestion { SurveyId = survey.Id, Position = 0, Kind = QuestionKind.Likert, TextNl = "Ik voel me welkom.", TextEn = "I feel welcome.", Required = true });
        db.SurveyQuestions.Add(new SurveyQuestion { SurveyId = survey.Id, Position = 1, Kind = QuestionKind.Number, TextNl = "Hoe vaak kwam u deze maand?", Min = 0, Max = 31, Required = false });
        await db.SaveChangesAsync();
        return survey.Id;
    });
}
