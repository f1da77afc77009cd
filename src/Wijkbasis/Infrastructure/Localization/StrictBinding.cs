using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Wijkbasis.Features.Shared;

namespace Wijkbasis.Infrastructure.Localization;

/// <summary>Rules every bound value obeys before a page sees it, so no page can forget them (issue 15, "bad input"):
/// <list type="bullet">
/// <item>a date lies between <see cref="FirstDay"/> and <see cref="LastDay"/>: years like 9999 are refused with a Dutch
/// message instead of overflowing in date arithmetic later;</item>
/// <item>a switch marked <see cref="AlwaysSentAttribute"/> must be in the form that was sent: a missing or misnamed field
/// is refused, never read as "off" (its checkbox is followed by a hidden "false", as <c>asp-for</c> does). An unreadable
/// value ("NotAnEnum" for a switch or a choice) is refused by the framework's own binders already;</item>
/// <item>text loses its direction-override characters (which can make a name read backwards), and text made only of
/// invisible characters counts as empty, so a required name is refused.</item>
/// </list></summary>
public sealed class StrictBinderProvider(IList<IModelBinderProvider> providers) : IModelBinderProvider
{
    public static readonly DateOnly FirstDay = new(1900, 1, 1);
    public static readonly DateOnly LastDay = new(2199, 12, 31);

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var metadata = context.Metadata;
        if (metadata.IsComplexType || metadata.IsCollectionType)
        {
            return null;
        }
        var type = metadata.UnderlyingOrModelType;
        var kind = type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) ? Kind.Date
            : type == typeof(string) ? Kind.Text
            : type == typeof(bool) && IsAlwaysSent(metadata) ? Kind.Choice
            : Kind.None;
        if (kind == Kind.None)
        {
            return null;
        }
        foreach (var provider in providers)
        {
            if (provider != this && provider.GetBinder(context) is { } inner)
            {
                return new StrictBinder(inner, kind);
            }
        }
        return null;
    }

    private static bool IsAlwaysSent(ModelMetadata metadata) =>
        metadata.ContainerType?.GetProperty(metadata.PropertyName ?? "")?.IsDefined(typeof(AlwaysSentAttribute), inherit: true) == true;

    internal enum Kind { None, Date, Text, Choice }
}

/// <summary>A switch whose form always sends it (a checkbox followed by a hidden "false"): a post of that form without it
/// is refused, so a misnamed or missing field never turns the switch off.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AlwaysSentAttribute : Attribute;

internal sealed class StrictBinder(IModelBinder inner, StrictBinderProvider.Kind kind) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext context)
    {
        await inner.BindModelAsync(context);
        switch (kind)
        {
            case StrictBinderProvider.Kind.Date:
                CheckDate(context);
                break;
            case StrictBinderProvider.Kind.Text:
                CleanText(context);
                break;
            case StrictBinderProvider.Kind.Choice:
                RequireInSentForm(context);
                break;
        }
    }

    private static void CheckDate(ModelBindingContext context)
    {
        if (!context.Result.IsModelSet || context.Result.Model is null)
        {
            return;
        }
        var day = context.Result.Model switch
        {
            DateOnly d => d,
            DateTime t => DateOnly.FromDateTime(t),
            DateTimeOffset o => DateOnly.FromDateTime(o.UtcDateTime),
            _ => (DateOnly?)null,
        };
        if (day is { } value && (value < StrictBinderProvider.FirstDay || value > StrictBinderProvider.LastDay))
        {
            var first = StrictBinderProvider.FirstDay.ToString("d-M-yyyy", CultureInfo.InvariantCulture);
            var last = StrictBinderProvider.LastDay.ToString("d-M-yyyy", CultureInfo.InvariantCulture);
            var field = context.ModelMetadata.GetDisplayName();
            context.ModelState.TryAddModelError(context.ModelName, BindingMessages.IsCodeName(field)
                ? LocalText.Encode("Vul een datum in tussen {0} en {1}.", first, last)
                : LocalText.Encode("Vul bij {0} een datum in tussen {1} en {2}.", field, first, last));
            context.Result = ModelBindingResult.Failed();
        }
    }

    private static void CleanText(ModelBindingContext context)
    {
        // A password is kept as typed, wherever it is set or checked, or a password with such a character could not log in.
        if (context.Result.Model is not string text || context.ModelMetadata.DataTypeName == "Password"
            || context.ModelMetadata.PropertyName?.EndsWith("Password", StringComparison.Ordinal) == true)
        {
            return;
        }
        var clean = TextRules.Clean(text);
        if (!ReferenceEquals(clean, text))
        {
            context.Result = ModelBindingResult.Success(clean.Length == 0 && context.ModelMetadata.ConvertEmptyStringToNull ? null : clean);
        }
    }

    /// <summary>Only for a form that was sent (a POST with fields under this field's prefix): a GET, or another form of
    /// the same page, leaves the value as it is.</summary>
    private static void RequireInSentForm(ModelBindingContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType || context.BindingSource == BindingSource.Query
            || context.BindingSource == BindingSource.Path || context.ValueProvider.GetValue(context.ModelName) != ValueProviderResult.None)
        {
            return;
        }
        var dot = context.ModelName.LastIndexOf('.');
        if (dot <= 0 || !context.ValueProvider.ContainsPrefix(context.ModelName[..dot]))
        {
            return;
        }
        var field = context.ModelMetadata.GetDisplayName();
        context.ModelState.TryAddModelError(context.ModelName,
            context.ModelMetadata.ModelBindingMessageProvider.MissingBindRequiredValueAccessor(field));
    }
}

/// <summary>What text may not carry.</summary>
public static class TextRules
{
    /// <summary>Strips direction overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069); text that is then
    /// only whitespace and invisible characters becomes empty. Returns the same instance when nothing changed.</summary>
    public static string Clean(string text)
    {
        var stripped = text.Any(IsDirectionControl) ? new string(text.Where(c => !IsDirectionControl(c)).ToArray()) : text;
        return stripped.Length > 0 && stripped.All(IsInvisible) ? "" : stripped;
    }

    private static bool IsDirectionControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static bool IsInvisible(char c) => char.IsWhiteSpace(c) || char.IsControl(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format
        || c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800';
}
