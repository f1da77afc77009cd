namespace Wijkbasis.Features.Shared;

/// <summary>One labelled input with its hint and error, rendered by _Field.cshtml. <see cref="Name"/> is the
/// form name ("Input.Name"); its model-state error is shown under the field.</summary>
public sealed record Field(string Name, string Label, object? Value, string Type = "text", string? Hint = null,
    int? MaxLength = null, bool Required = false, string? InputMode = null, string? Autocomplete = "off")
{
    public string Id => Name.Replace('.', '_');

    public static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
