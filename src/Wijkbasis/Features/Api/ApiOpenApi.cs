using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Wijkbasis.Features.Api;

/// <summary>The OpenAPI document of /api/v1 (Microsoft.AspNetCore.OpenApi), served at <c>/api/v1/openapi.json</c>: only the
/// API's operations, the bearer key as the security scheme, and a problem-details answer for every refusal.</summary>
public static class ApiOpenApi
{
    /// <summary>The document's name: the route <c>/api/v1/{documentName}.json</c> makes it <c>/api/v1/openapi.json</c>.</summary>
    public const string DocumentName = "openapi";

    private const string Bearer = "bearer";

    public static void Configure(OpenApiOptions o)
    {
        o.ShouldInclude = d => d.RelativePath?.StartsWith(ApiArea.Root.TrimStart('/') + "/", StringComparison.Ordinal) == true;
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Wijkbasis API",
                Version = "v1",
                Description = "Gegevens van één sociale wijkonderneming, met een API-sleutel van die onderneming (Authorization: Bearer wbk_…). "
                    + "Fouten als problem details (RFC 9457), Nederlands of Engels volgens Accept-Language.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = Bearer,
                Description = "Een API-sleutel van de coördinator (wbk_…).",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] }];
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, _, _) =>
        {
            operation.Responses ??= new OpenApiResponses();
            foreach (var (status, description) in new[] { ("400", "Het verzoek klopt niet."), ("401", "Geen geldige API-sleutel."),
                         ("403", "Niet toegestaan."), ("404", "Niet gevonden."), ("429", "Te veel verzoeken.") })
            {
                operation.Responses.TryAdd(status, new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType> { [ApiProblems.ContentType] = new() },
                });
            }
            return Task.CompletedTask;
        });
    }
}
