using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Features.Impact;
using Wijkbasis.Infrastructure.Secrets;

namespace Wijkbasis.Features.Surveys;

/// <summary>A figure about a group: shown only when it rests on at least <see cref="Suppression.Threshold"/> answers
/// (docs/decisions/0016, 0031); else "&lt; 5" and no value leaves the server.</summary>
public readonly record struct GroupValue(int Count, decimal? Value)
{
    public bool Shown => Count >= Suppression.Threshold;

    public static GroupValue Of(int count, decimal? value) => new(count, count >= Suppression.Threshold ? value : null);

    public static GroupValue Mean(IReadOnlyCollection<int> values) =>
        Of(values.Count, values.Count == 0 ? null : Math.Round((decimal)values.Sum() / values.Count, 2));

    public static GroupValue Share(int part, int of) => Of(of, of == 0 ? null : Math.Round(100m * part / of, 0));
}

/// <summary>One round's group figures (a named round, or all answers without a round).</summary>
public sealed record RoundFigures(string? Round, int Answers, GroupValue Total, GroupValue Social, GroupValue Emotional,
    GroupValue ShareLonely, IReadOnlyList<(string Label, GroupValue Share)> Bands, IReadOnlyList<(int Rung, int Count)> Rungs);

/// <summary>Pre/post at group level: persons measured twice (first and latest, or in both named rounds).</summary>
public sealed record PrePostFigures(string? From, string? To, int Pairs, GroupValue MeanChange, GroupValue ShareImproved, Moves? Moves);

/// <summary>A custom question's group figure: a mean (scale, number) or the count per choice; texts are never shown.</summary>
public sealed record QuestionFigures(SurveyQuestion Question, int Answers, GroupValue Mean, IReadOnlyList<(string Choice, int Count)> Choices);

/// <summary>The results of one instrument or survey, only at group level.</summary>
public sealed record InstrumentResults(Instrument Instrument, Survey? Survey, int Answers, IReadOnlyList<RoundFigures> Rounds,
    PrePostFigures PrePost, IReadOnlyList<string> RoundNames, IReadOnlyList<QuestionFigures> Questions);

/// <summary>Computes the group figures of an instrument. The answers are opened in memory for the sums only (as the ZRM's
/// group averages are, docs/decisions/0017); nothing per person leaves this class.</summary>
public sealed class SurveyResults(WijkbasisDb db, FieldCipher cipher)
{
    private sealed record Opened(Guid? PersonId, string? Round, DateOnly TakenOn, DateTime CreatedAt, AnswerSet Answers);

    public async Task<InstrumentResults> ComputeAsync(Instrument instrument, Survey? survey, string? from, string? to, CancellationToken cancellationToken)
    {
        var surveyId = survey?.Id;
        var rows = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.Instrument == instrument && r.SurveyId == surveyId)
            .OrderBy(r => r.TakenOn).ThenBy(r => r.CreatedAt)
            .ToListAsync(cancellationToken);
        var opened = rows.Select(r => new Opened(r.PersonId, r.Round, r.TakenOn, r.CreatedAt,
            AnswerSet.FromJson(cipher.Open(r.Answers, r, SurveyResponse.AnswersField)))).ToList();
        var roundNames = opened.Select(o => o.Round).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var questions = survey is null ? [] : await db.SurveyQuestions.AsNoTracking().Where(q => q.SurveyId == survey.Id)
            .OrderBy(q => q.Position).ToListAsync(cancellationToken);

        var rounds = opened.GroupBy(o => o.Round).OrderBy(g => g.Key is null ? 1 : 0).ThenBy(g => g.Min(o => o.TakenOn))
            .Select(g => Round(instrument, g.Key, LatestPerPerson(g))).ToList();
        return new(instrument, survey, opened.Count, rounds, PrePost(instrument, opened, from, to), roundNames,
            instrument == Instrument.Custom ? [.. questions.Select(q => Question(q, opened))] : []);
    }

    /// <summary>Within one round each person counts once (their latest); anonymous answers each count once.</summary>
    private static List<Opened> LatestPerPerson(IEnumerable<Opened> answers) =>
        [.. answers.Where(o => o.PersonId is null),
            .. answers.Where(o => o.PersonId is not null).GroupBy(o => o.PersonId).Select(g => g.Last())];

    private static int? Value(Instrument instrument, AnswerSet answers) => instrument switch
    {
        Instrument.DeJongGierveld6 or Instrument.DeJongGierveld11 => Loneliness(instrument, answers).Total,
        Instrument.Participatieladder => answers.Rung,
        _ => null,
    };

    private static LonelinessScore Loneliness(Instrument instrument, AnswerSet answers)
    {
        var items = DeJongGierveld.ItemsOf(instrument);
        var given = answers.Items ?? [];
        return DeJongGierveld.Score(items, [.. Enumerable.Range(0, items.Count).Select(i => i < given.Count ? given[i] : null)]);
    }

    private static RoundFigures Round(Instrument instrument, string? round, List<Opened> answers)
    {
        var none = GroupValue.Of(answers.Count, null);
        if (instrument is Instrument.DeJongGierveld6 or Instrument.DeJongGierveld11)
        {
            var scores = answers.Select(a => Loneliness(instrument, a.Answers)).ToList();
            var totals = scores.Where(s => s.Total is not null).Select(s => s.Total!.Value).ToList();
            var bands = DeJongGierveld.Bands(instrument)
                .Select(b => (b, GroupValue.Share(totals.Count(t => DeJongGierveld.Band(instrument, t) == b), totals.Count))).ToList();
            return new(round, answers.Count, GroupValue.Mean(totals),
                GroupValue.Mean([.. scores.Where(s => s.Social is not null).Select(s => s.Social!.Value)]),
                GroupValue.Mean([.. scores.Where(s => s.Emotional is not null).Select(s => s.Emotional!.Value)]),
                GroupValue.Share(totals.Count(t => DeJongGierveld.IsLonely(instrument, t)), totals.Count), bands, []);
        }
        if (instrument == Instrument.Participatieladder)
        {
            var rungs = answers.Select(a => a.Answers.Rung).OfType<int>().ToList();
            var counts = answers.Count >= Suppression.Threshold
                ? Enumerable.Range(Participatieladder.Lowest, Participatieladder.Highest).Select(r => (r, rungs.Count(x => x == r))).ToList()
                : [];
            return new(round, answers.Count, GroupValue.Mean(rungs), none, none, none, [], counts);
        }
        return new(round, answers.Count, none, none, none, none, [], []);
    }

    private static PrePostFigures PrePost(Instrument instrument, List<Opened> opened, string? from, string? to)
    {
        var named = from is not null && to is not null && from != to;
        var pairs = new List<(int Before, int After)>();
        foreach (var person in opened.Where(o => o.PersonId is not null).GroupBy(o => o.PersonId))
        {
            var (before, after) = named
                ? (person.LastOrDefault(o => o.Round == from), person.LastOrDefault(o => o.Round == to))
                : (person.First(), person.Count() > 1 ? person.Last() : null);
            if (before is not null && after is not null && Value(instrument, before.Answers) is { } b && Value(instrument, after.Answers) is { } a)
            {
                pairs.Add((b, a));
            }
        }
        var changes = pairs.Select(p => p.After - p.Before).ToList();
        // Lower loneliness is better; a higher rung is better.
        var improved = instrument == Instrument.Participatieladder ? changes.Count(c => c > 0) : changes.Count(c => c < 0);
        var moves = Moves.Count(pairs);
        return new(named ? from : null, named ? to : null, pairs.Count, GroupValue.Mean(changes), GroupValue.Share(improved, pairs.Count),
            instrument == Instrument.Participatieladder && pairs.Count >= Suppression.Threshold ? moves : null);
    }

    private static QuestionFigures Question(SurveyQuestion q, List<Opened> opened)
    {
        var values = opened.Select(o => o.Answers.Custom?.GetValueOrDefault(q.Id)).OfType<List<string>>().Where(v => v.Count > 0).ToList();
        var n = values.Count;
        switch (q.Kind)
        {
            case QuestionKind.Likert:
            case QuestionKind.Number:
                return new(q, n, GroupValue.Mean([.. values.Select(v => int.TryParse(v[0], System.Globalization.CultureInfo.InvariantCulture, out var x) ? x : 0)]), []);
            case QuestionKind.OneChoice:
            case QuestionKind.SeveralChoices:
                var choices = SurveyQuestion.Lines(q.ChoicesNl);
                return new(q, n, GroupValue.Of(n, null), n < Suppression.Threshold ? []
                    : [.. choices.Select((c, i) => (c, values.Count(v => v.Contains(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))))]);
            default:
                return new(q, n, GroupValue.Of(n, null), []);
        }
    }
}
