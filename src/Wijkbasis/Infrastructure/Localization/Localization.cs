using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Wijkbasis.Infrastructure.Localization;

public static class LocalizationSetup
{
    public static readonly CultureInfo[] Cultures = [new("nl-NL"), new("en-GB")];

    public static WebApplicationBuilder AddDutchFirstLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("nl-NL");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Only an explicit choice (cookie, or ?culture= for links) switches language; the
            // browser's Accept-Language does not, so Dutch is what everyone sees first.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return builder;
    }
}
