using System.Globalization;
using System.Text;

namespace Wijkbasis.Features.Shared;

/// <summary>A name as it is compared for "already there": lower case, runs of white space as one space, no space at
/// either end ("  De  Buurt " and "de buurt" are the same partner).</summary>
public static class NameKey
{
    public static string Of(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var part in name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }
            builder.Append(part.ToLower(CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
