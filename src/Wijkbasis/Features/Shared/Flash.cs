using System.Globalization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Wijkbasis.Features.Shared;

/// <summary>The one-line message shown after a redirect ("… is toegevoegd."). Kept as a Dutch format text
/// plus its values, so the layout shows it in the reader's language.</summary>
public static class Flash
{
    private const string Key = "Message";
    private const char Separator = '\u001f';

    public static void Say(this ITempDataDictionary tempData, string dutchFormat, params object?[] args) =>
        tempData[Key] = string.Join(Separator, [dutchFormat, .. args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "")]);

    public static bool TryRead(ITempDataDictionary tempData, out string format, out object[] args)
    {
        if (tempData[Key] is not string stored)
        {
            (format, args) = ("", []);
            return false;
        }
        var parts = stored.Split(Separator);
        (format, args) = (parts[0], parts[1..]);
        return true;
    }
}
