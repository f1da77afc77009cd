using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Secrets;

namespace Wijkbasis.Features.Surveys;

/// <summary>A survey an enterprise built itself: a title and questions, each in Dutch and (optionally) English.</summary>
public sealed class Survey : ITenantOwned, IAudited
{
    public const int TitleMax = 150;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string TitleNl { get; set; }
    public string? TitleEn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }

    Guid? IAudited.SubjectPersonId => null;
}

public enum QuestionKind
{
    Likert,
    OneChoice,
    SeveralChoices,
    Number,
    ShortText,
}

/// <summary>A question of a <see cref="Survey"/>. Choices are one per line, the English lines in the same order.</summary>
public sealed class SurveyQuestion : ITenantOwned
{
    public const int TextMax = 300;
    public const int ChoicesMax = 1000;
    public const int AnswerTextMax = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid SurveyId { get; set; }
    public int Position { get; set; }
    public QuestionKind Kind { get; set; }
    public required string TextNl { get; set; }
    public string? TextEn { get; set; }
    public string? ChoicesNl { get; set; }
    public string? ChoicesEn { get; set; }
    public int? Min { get; set; }
    public int? Max { get; set; }
    public bool Required { get; set; }

    public static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    public string Text(bool english) => english && !string.IsNullOrWhiteSpace(TextEn) ? TextEn : TextNl;

    public List<string> Choices(bool english)
    {
        var nl = Lines(ChoicesNl);
        var en = Lines(ChoicesEn);
        return english && en.Count == nl.Count ? en : nl;
    }

    public static string Label(QuestionKind kind) => kind switch
    {
        QuestionKind.Likert => "Schaal 1 tot 5",
        QuestionKind.OneChoice => "Eén keuze",
        QuestionKind.SeveralChoices => "Meer keuzes",
        QuestionKind.Number => "Getal",
        _ => "Korte tekst",
    };
}

/// <summary>One filled-in instrument or survey. Belongs to the enterprise; to a person when a worker filled it in beside
/// them, to a link when a resident answered anonymously (then no person is stored). The answers are special-category
/// (loneliness, wellbeing) and sealed; group figures open them in memory, no page shows them per person
/// (docs/decisions/0031).</summary>
public sealed class SurveyResponse : ITenantOwned, IAudited
{
    public const int RoundMax = 60;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Instrument Instrument { get; set; }
    /// <summary>The enterprise's own survey when <see cref="Instrument"/> is Custom.</summary>
    public Guid? SurveyId { get; set; }
    public Guid? PersonId { get; set; }
    /// <summary>The anonymous link it came through (single use), else null.</summary>
    public Guid? LinkId { get; set; }
    /// <summary>A named round ("Voormeting", "Nameting", "Voorjaar 2027"); null when none was named.</summary>
    public string? Round { get; set; }
    public DateOnly TakenOn { get; set; }
    public required SealedText Answers { get; set; }
    public Guid? ByUserId { get; set; }
    public required string ByName { get; set; }
    public DateTime CreatedAt { get; set; }

    Guid? IAudited.SubjectPersonId => PersonId;

    public const string AnswersField = nameof(Answers);
}

/// <summary>What a response holds, as sealed JSON: the De Jong Gierveld answers in item order, the participatieladder's
/// rung, or a custom survey's answers per question.</summary>
public sealed class AnswerSet
{
    public List<LonelinessAnswer?>? Items { get; set; }
    public int? Rung { get; set; }
    public Dictionary<Guid, List<string>>? Custom { get; set; }

    private static readonly JsonSerializerOptions Options = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static AnswerSet FromJson(string? json) => string.IsNullOrEmpty(json) ? new() : JsonSerializer.Deserialize<AnswerSet>(json, Options) ?? new();
}

/// <summary>A single-use link (printed as a QR code) through which one resident answers one instrument or survey
/// anonymously. Only the SHA-256 hash of its token is stored; the token exists on the printed sheet only.</summary>
public sealed class SurveyLink : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Instrument Instrument { get; set; }
    public Guid? SurveyId { get; set; }
    public string? Round { get; set; }
    public required string TokenHash { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string ByName { get; set; }

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
