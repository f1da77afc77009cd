using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Wijkbasis.Features.Shared;

/// <summary>The one-line message shown after a redirect ("… is toegevoegd."). Kept as a Dutch format text
/// plus its values (<see cref="LocalText"/>), so the layout shows it in the reader's language.</summary>
public static class Flash
{
    private const string Key = "Message";

    public static void Say(this ITempDataDictionary tempData, string dutchFormat, params object?[] args) =>
        tempData[Key] = LocalText.Encode(dutchFormat, args);

    /// <summary>The message waiting for this page, if any, still encoded: render it with <see cref="LocalText.Render"/>.</summary>
    public static bool TryRead(ITempDataDictionary tempData, out string text)
    {
        text = tempData[Key] as string ?? "";
        return text.Length > 0;
    }
}
