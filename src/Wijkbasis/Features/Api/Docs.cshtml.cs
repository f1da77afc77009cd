using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wijkbasis.Features.Api;

/// <summary>The readable documentation of /api/v1: every operation with its method, address, what it does and the
/// scope a key needs, read from the same descriptions the OpenAPI document is made from.</summary>
public sealed class DocsModel(IApiDescriptionGroupCollectionProvider descriptions, Microsoft.Extensions.Options.IOptions<ApiOptions> options) : PageModel
{
    public int RequestsPerMinute => options.Value.RequestsPerMinute;

    public sealed record Operation(string Method, string Path, string Summary, string? Scope);

    public List<Operation> Operations { get; private set; } = [];

    public void OnGet() => Operations = Read(descriptions);

    public static List<Operation> Read(IApiDescriptionGroupCollectionProvider descriptions) =>
        descriptions.ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith(ApiArea.Root.TrimStart('/'), StringComparison.Ordinal) == true)
            .Select(d => new Operation(d.HttpMethod ?? "", "/" + d.RelativePath,
                d.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IEndpointSummaryMetadata>().FirstOrDefault()?.Summary ?? "",
                ScopeOf(d.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null))))
            .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)
            .ToList();

    /// <summary>The scope behind an API policy (the claim it requires), for the table.</summary>
    public static string? ScopeOf(string? policy) =>
        policy is not null && Areas.Policies.TryGetValue(policy, out var p) && p.Claim is { } claim && claim.StartsWith(ApiScopes.Claim(""), StringComparison.Ordinal)
            ? claim[ApiScopes.Claim("").Length..]
            : null;
}
