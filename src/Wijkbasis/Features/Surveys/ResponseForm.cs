using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Features.Surveys;

/// <summary>The answers a form sent, as typed: shared by the worker's form and the anonymous form, so both refuse alike.</summary>
public sealed class ResponseInput
{
    /// <summary>De Jong Gierveld: per item (in the form's order) "Nee", "MinOfMeer", "Ja" or "Geen" (the resident gave no
    /// answer; scored as missing).</summary>
    public List<string?> Item { get; set; } = [];
    public int? Rung { get; set; }
    /// <summary>A custom survey's answers per question id (several values for several choices).</summary>
    public Dictionary<Guid, List<string?>> Answer { get; set; } = [];

    public const string NoAnswer = "Geen";
}

/// <summary>Checks a <see cref="ResponseInput"/> against its instrument: every question answered (a loneliness item may be
/// answered with "geen antwoord"), every value in range, an unreadable choice refused. Returns the answers to seal, or null
/// with the refusals in model state.</summary>
public static class ResponseForm
{
    public static AnswerSet? Read(Instrument instrument, IReadOnlyList<SurveyQuestion> questions, ResponseInput input, ModelStateDictionary state, string prefix)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(state);
        switch (instrument)
        {
            case Instrument.DeJongGierveld6:
            case Instrument.DeJongGierveld11:
            {
                var items = DeJongGierveld.ItemsOf(instrument);
                var answers = new List<LonelinessAnswer?>();
                for (var i = 0; i < items.Count; i++)
                {
                    var raw = i < input.Item.Count ? input.Item[i] : null;
                    var key = $"{prefix}{nameof(ResponseInput.Item)}[{i}]";
                    if (string.IsNullOrEmpty(raw))
                    {
                        state.AddRefusal(key, new Refusal("Kies bij vraag {0} een antwoord (of ‘Geen antwoord’).", i + 1));
                    }
                    else if (raw == ResponseInput.NoAnswer)
                    {
                        answers.Add(null);
                    }
                    else if (Enum.TryParse<LonelinessAnswer>(raw, out var answer) && Enum.IsDefined(answer) && !char.IsAsciiDigit(raw[0]))
                    {
                        answers.Add(answer);
                    }
                    else
                    {
                        state.AddRefusal(key, new Refusal("Kies bij vraag {0} een antwoord uit de lijst.", i + 1));
                    }
                }
                if (input.Item.Count > items.Count)
                {
                    state.AddRefusal("", new Refusal("Het formulier heeft meer antwoorden dan vragen. Open het opnieuw."));
                }
                return state.IsValid ? new AnswerSet { Items = answers } : null;
            }
            case Instrument.Participatieladder:
                if (input.Rung is not { } rung)
                {
                    if (!state.ContainsKey(prefix + nameof(ResponseInput.Rung)) || state[prefix + nameof(ResponseInput.Rung)]!.Errors.Count == 0)
                    {
                        state.AddRefusal(prefix + nameof(ResponseInput.Rung), new Refusal("Kies een trede van de participatieladder."));
                    }
                    return null;
                }
                if (rung is < Participatieladder.Lowest or > Participatieladder.Highest)
                {
                    state.AddRefusal(prefix + nameof(ResponseInput.Rung), new Refusal("Kies een trede van {0} tot en met {1}.", Participatieladder.Lowest, Participatieladder.Highest));
                    return null;
                }
                return state.IsValid ? new AnswerSet { Rung = rung } : null;
            default:
                return ReadCustom(questions, input, state, prefix);
        }
    }

    private static AnswerSet? ReadCustom(IReadOnlyList<SurveyQuestion> questions, ResponseInput input, ModelStateDictionary state, string prefix)
    {
        var result = new Dictionary<Guid, List<string>>();
        if (input.Answer.Keys.Any(k => questions.All(q => q.Id != k)))
        {
            state.AddRefusal("", new Refusal("Het formulier hoort niet bij deze vragenlijst. Open het opnieuw."));
        }
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var key = $"{prefix}{nameof(ResponseInput.Answer)}[{q.Id}]";
            var values = (input.Answer.GetValueOrDefault(q.Id) ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
            if (values.Count == 0)
            {
                if (q.Required)
                {
                    state.AddRefusal(key, new Refusal("Beantwoord vraag {0}.", i + 1));
                }
                continue;
            }
            switch (q.Kind)
            {
                case QuestionKind.Likert:
                    if (values.Count != 1 || !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var likert) || likert is < 1 or > 5)
                    {
                        state.AddRefusal(key, new Refusal("Kies bij vraag {0} een getal van 1 tot en met 5.", i + 1));
                        continue;
                    }
                    break;
                case QuestionKind.OneChoice:
                case QuestionKind.SeveralChoices:
                {
                    var count = SurveyQuestion.Lines(q.ChoicesNl).Count;
                    var ok = (q.Kind == QuestionKind.SeveralChoices || values.Count == 1) && values.Distinct().Count() == values.Count
                        && values.All(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c >= 0 && c < count);
                    if (!ok)
                    {
                        state.AddRefusal(key, new Refusal("Kies bij vraag {0} uit de keuzes in de lijst.", i + 1));
                        continue;
                    }
                    break;
                }
                case QuestionKind.Number:
                    if (values.Count != 1 || !int.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                        || number < (q.Min ?? int.MinValue) || number > (q.Max ?? int.MaxValue))
                    {
                        state.AddRefusal(key, new Refusal("Vul bij vraag {0} een heel getal in van {1} tot en met {2}.", i + 1, q.Min ?? 0, q.Max ?? 0));
                        continue;
                    }
                    break;
                default:
                    if (values.Count != 1 || values[0].Length > SurveyQuestion.AnswerTextMax)
                    {
                        state.AddRefusal(key, new Refusal("Het antwoord op vraag {0} is te lang (hoogstens {1} tekens).", i + 1, SurveyQuestion.AnswerTextMax));
                        continue;
                    }
                    break;
            }
            result[q.Id] = values;
        }
        return state.IsValid ? new AnswerSet { Custom = result } : null;
    }
}

/// <summary>What the questions partial shows: the instrument's items (or the survey's questions) with what was typed.</summary>
public sealed record QuestionsView(Instrument Instrument, IReadOnlyList<SurveyQuestion> Questions, ResponseInput Input, string Prefix, bool English);
