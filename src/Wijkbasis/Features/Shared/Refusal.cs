using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Wijkbasis.Features.Shared;

/// <summary>A refusal ("Er zit nog {0} in de pot.") as a Dutch format text plus its values, never an interpolated
/// string: the format is the resource key, so the reader sees it in their own language with the values filled in.
/// Domain rules return it; pages put it in model state with <see cref="Refusing"/>; the error summary and the field
/// partial render it through <see cref="LocalText.Render"/>.</summary>
public sealed record Refusal(string Format, params object?[] Args)
{
    /// <summary>The text as stored in model state or TempData (format and values, one string).</summary>
    public string Encode() => LocalText.Encode(Format, Args);

    /// <summary>The Dutch text, for logs and pure tests.</summary>
    public override string ToString() => LocalText.Dutch(Encode());
}

/// <summary>A translatable text that travels as one string (model-state errors, flash messages): the Dutch format
/// and its values joined by an invisible separator. A plain Dutch text is the same thing without values.</summary>
public static class LocalText
{
    private const char Separator = '\u001f';

    public static string Encode(string format, params object?[] args) => args.Length == 0
        ? format
        : string.Join(Separator, [format, .. args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "")]);

    public static (string Format, string[] Args) Decode(string text)
    {
        var parts = text.Split(Separator);
        return (parts[0], parts[1..]);
    }

    /// <summary>The text in the reader's language: the format through the localizer, each value too (a value that is
    /// itself a Dutch word, such as a weekday or a status, is translated; a name or number stays as it is).</summary>
    public static string Render(IStringLocalizer localizer, string text)
    {
        var (format, args) = Decode(text);
        return args.Length == 0 ? localizer[format].Value : localizer[format, args.Select(a => (object)localizer[a].Value).ToArray()].Value;
    }

    /// <summary>The Dutch text with the values filled in (no localizer: tests and logs).</summary>
    public static string Dutch(string text)
    {
        var (format, args) = Decode(text);
        return args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
