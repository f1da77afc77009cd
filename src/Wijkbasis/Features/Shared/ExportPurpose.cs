namespace Wijkbasis.Features.Shared;

/// <summary>Why a list of people's data is downloaded (AVG: purpose limitation). Asked before the file is made, stored
/// in the export's audit row; a download without a purpose gets no file (docs/decisions/0025).</summary>
public static class ExportPurpose
{
    public const string ChoiceField = "doel";
    public const string OtherField = "anders";
    public const string Other = "anders";
    public const int MinLength = 5;
    public const int MaxLength = 200;

    /// <summary>The choices of the form, key and Dutch label (the label goes into the audit row).</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Choices =
    [
        ("verantwoording", "Verantwoording aan gemeente of fonds"),
        ("uitnodigen", "Mensen uitnodigen of informeren"),
        ("planning", "Planning van activiteiten of vrijwilligers"),
        ("administratie", "Eigen administratie bijwerken"),
        (Other, "Anders, namelijk:"),
    ];

    /// <summary>The purpose as it goes into the audit row, or what is wrong and in which field.</summary>
    public static (string? Purpose, Refusal? Problem, string Field) Read(string? choice, string? other)
    {
        var label = Choices.FirstOrDefault(c => c.Key == choice).Label;
        if (label is null)
        {
            return (null, new Refusal("Kies waarvoor u deze lijst downloadt."), ChoiceField);
        }
        var text = other?.Trim() ?? "";
        if (text.Length > MaxLength)
        {
            return (null, new Refusal("Schrijf het doel in hoogstens {0} tekens.", MaxLength), OtherField);
        }
        if (choice == Other)
        {
            if (text.Length == 0)
            {
                return (null, new Refusal("Schrijf bij ‘anders’ waarvoor u deze lijst downloadt."), OtherField);
            }
            if (text.Length < MinLength)
            {
                return (null, new Refusal("Schrijf het doel in minstens {0} tekens.", MinLength), OtherField);
            }
            return ("Anders: " + text, null, OtherField);
        }
        return (text.Length == 0 ? label : label + " " + text, null, ChoiceField);
    }
}

/// <summary>The download buttons under a list: plain links for a list without people's data, a small form asking
/// the purpose first for one with it. <see cref="Route"/> holds the list's current filters.</summary>
public sealed record ExportButtons(string Page, IReadOnlyDictionary<string, string> Route, bool AsksPurpose,
    string? Choice = null, string? Other = null)
{
    /// <summary>The handlers are named <c>{Handler}Csv</c> and <c>{Handler}Xlsx</c> (a page with two lists names them apart).</summary>
    public string Handler { get; init; } = "";
}
