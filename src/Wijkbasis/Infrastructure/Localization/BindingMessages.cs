using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Infrastructure.Localization;

/// <summary>Messages for input that cannot even be read (text in a number field, an unknown choice), as translatable
/// texts (format plus values). They name the field only by its Dutch display name: a bare C# property name ("DueOn") is
/// left out, the message stands next to the field anyway.</summary>
public static class BindingMessages
{
    public static void UseDutch(DefaultModelBindingMessageProvider m)
    {
        m.SetAttemptedValueIsInvalidAccessor((value, field) => IsCodeName(field)
            ? LocalText.Encode("'{0}' klopt niet. Vul een geldige waarde in.", value)
            : LocalText.Encode("Vul bij {0} een geldige waarde in ('{1}' klopt niet).", field, value));
        m.SetUnknownValueIsInvalidAccessor(field => IsCodeName(field)
            ? "Vul een geldige waarde in."
            : LocalText.Encode("Vul bij {0} een geldige waarde in.", field));
        m.SetValueIsInvalidAccessor(value => LocalText.Encode("De waarde '{0}' klopt niet.", value));
        m.SetValueMustBeANumberAccessor(field => IsCodeName(field) ? "Vul een getal in." : LocalText.Encode("Vul bij {0} een getal in.", field));
        m.SetMissingBindRequiredValueAccessor(field => IsCodeName(field) ? "Er ontbreekt een waarde." : LocalText.Encode("{0} ontbreekt.", field));
        m.SetMissingKeyOrValueAccessor(() => "Er ontbreekt een waarde.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "Het formulier is leeg.");
        m.SetValueMustNotBeNullAccessor(_ => "Vul een waarde in.");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => LocalText.Encode("De waarde '{0}' klopt niet.", value));
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Deze waarde klopt niet.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Vul een getal in.");
    }

    /// <summary>A property name as in the code ("DueOn", "Input.StartTime", "On"), not a display name in words ("Tarief",
    /// "de datum"): a dotted path or an inner capital, or one of the code's one-word English names.</summary>
    internal static bool IsCodeName(string field) =>
        field.Length > 0 && char.IsAsciiLetterUpper(field[0]) && field.All(c => char.IsAsciiLetterOrDigit(c) || c == '.' || c == '_')
        && (field.Contains('.') || field.Skip(1).Any(char.IsAsciiLetterUpper) || CodeWords.Contains(field));

    private static readonly HashSet<string> CodeWords =
    [
        "On", "Id", "Version", "Kind", "Day", "Date", "From", "Until", "Hours", "People", "Week", "Status", "Source", "Category",
        "Direction", "Local", "Weight", "Purpose", "Outcome", "Repeat", "Unit", "Capacity", "Facility", "Recurrence", "Other", "Move",
    ];
}
