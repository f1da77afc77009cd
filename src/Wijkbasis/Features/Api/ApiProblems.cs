using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Localization;

namespace Wijkbasis.Features.Api;

/// <summary>Every refusal of the API as RFC 9457 problem details (<c>application/problem+json</c>): a title per status and
/// a detail, both Dutch texts through the localizer, so a client that sends <c>Accept-Language: en</c> reads English;
/// a 400 for bad input carries <c>errors</c>, the messages per field, as the page shows them beside the field.</summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    public static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Het verzoek klopt niet.",
        StatusCodes.Status401Unauthorized => "Geen geldige API-sleutel.",
        StatusCodes.Status403Forbidden => "Niet toegestaan.",
        StatusCodes.Status404NotFound => "Niet gevonden.",
        StatusCodes.Status409Conflict => "Dit was al gedaan.",
        StatusCodes.Status429TooManyRequests => "Te veel verzoeken.",
        StatusCodes.Status503ServiceUnavailable => "Nog niet klaar.",
        _ => "Er ging iets mis.",
    };

    /// <summary>The problem as a result for an endpoint to return; <paramref name="detail"/> is a Dutch text or an encoded
    /// <see cref="Refusal"/>, rendered in the request's language.</summary>
    public static IResult Problem(HttpContext context, int status, string detail, IDictionary<string, string[]>? errors = null)
    {
        var localizer = Localizer(context);
        var body = new Dictionary<string, object?>
        {
            ["type"] = $"https://wijkbasis.nl/api/problemen/{status}",
            ["title"] = localizer[Title(status)].Value,
            ["status"] = status,
            ["detail"] = LocalText.Render(localizer, detail),
            ["instance"] = context.Request.Path.Value,
        };
        if (errors is not null)
        {
            body["errors"] = errors.ToDictionary(e => e.Key, e => e.Value.Select(m => LocalText.Render(localizer, m)).ToArray());
        }
        return Results.Json(body, statusCode: status, contentType: ContentType);
    }

    public static IResult Refused(HttpContext context, Refusal refusal, bool repeat = false) =>
        Problem(context, repeat ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest, refusal.Encode());

    public static IResult NotFound(HttpContext context) =>
        Problem(context, StatusCodes.Status404NotFound, "Dit bestaat niet, of hoort niet bij uw organisatie.");

    /// <summary>Writes the problem directly (challenge, forbid, rate limit: outside an endpoint).</summary>
    public static Task WriteAsync(HttpContext context, int status, string detail) =>
        Problem(context, status, detail).ExecuteAsync(context);

    /// <summary>The localizer in the language the client asked for, also where request localization has not run yet
    /// (the rate limiter comes before it).</summary>
    private static IStringLocalizer Localizer(HttpContext context)
    {
        var culture = Language.Of(context.Request);
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        return context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
    }

    /// <summary>The API's language: English when the client's Accept-Language prefers English over Dutch, else Dutch
    /// (the pages keep their own choice, a cookie or ?culture=).</summary>
    public static class Language
    {
        public static CultureInfo Of(HttpRequest request)
        {
            var languages = request.GetTypedHeaders().AcceptLanguage
                .Where(l => l.Quality is null or > 0)
                .OrderByDescending(l => l.Quality ?? 1);
            foreach (var language in languages)
            {
                var value = language.Value.Value ?? "";
                if (value.StartsWith("en", StringComparison.OrdinalIgnoreCase))
                {
                    return LocalizationSetup.Cultures[1];
                }
                if (value.StartsWith("nl", StringComparison.OrdinalIgnoreCase))
                {
                    return LocalizationSetup.Cultures[0];
                }
            }
            return LocalizationSetup.Cultures[0];
        }

        /// <summary>For request localization: under /api the Accept-Language header decides; elsewhere this provider
        /// has no say.</summary>
        public static readonly IRequestCultureProvider Provider = new CustomRequestCultureProvider(context =>
            Task.FromResult(ApiArea.IsApi(context.Request.Path)
                ? new ProviderCultureResult(Of(context.Request).Name)
                : null));
    }
}
