using System.Reflection;

namespace Wijkbasis.Tests.Infrastructure;

/// <summary>Every page under /{enterprise}/, found from the compiled pages and the areas' extra routes, with a real URL
/// for each: the id of a record comes from the area's <see cref="ISampleRecords"/> in its own test folder.</summary>
public static class EnterpriseRoutes
{
    /// <summary>Each enterprise page's route and the page it belongs to ("/People/Details").</summary>
    private static readonly Lazy<IReadOnlyList<(string Pattern, string Page)>> Routes = new(FindRoutes);

    public static IReadOnlyList<(string Pattern, string Page)> All => Routes.Value;

    private static List<(string Pattern, string Page)> FindRoutes()
    {
        var assembly = typeof(Wijkbasis.Features.Area).Assembly;
        var pages = assembly.GetCustomAttributes<Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemAttribute>()
            .Where(i => i.Kind == "mvc.1.0.razor-page")
            .Select(i => (Page: i.Identifier["/Features".Length..^".cshtml".Length], Route: i.Type.GetCustomAttributes<Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemMetadataAttribute>()
                .Single(m => m.Key == "RouteTemplate").Value))
            .ToList();
        // The areas' extra routes, applied as the framework applies them.
        var conventions = new Microsoft.AspNetCore.Mvc.ApplicationModels.PageConventionCollection();
        foreach (var area in Wijkbasis.Features.Areas.All)
        {
            area.ConfigurePages(conventions);
        }
        var routes = new List<(string, string)>();
        foreach (var (page, route) in pages)
        {
            var model = new Microsoft.AspNetCore.Mvc.ApplicationModels.PageRouteModel("/Features" + page + ".cshtml", page);
            model.Selectors.Add(new Microsoft.AspNetCore.Mvc.ApplicationModels.SelectorModel
            {
                AttributeRouteModel = new Microsoft.AspNetCore.Mvc.ApplicationModels.AttributeRouteModel { Template = route },
            });
            foreach (var convention in conventions.OfType<Microsoft.AspNetCore.Mvc.ApplicationModels.IPageRouteModelConvention>())
            {
                convention.Apply(model);
            }
            routes.AddRange(model.Selectors.Select(sel => (sel.AttributeRouteModel!.Template!.TrimStart('/'), page)));
        }
        return routes.Where(r => r.Item1.StartsWith("{enterprise}", StringComparison.Ordinal)).Distinct().OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();
    }

    private static readonly Lazy<Dictionary<string, Func<WijkbasisFactory, Task<Guid>>>> Samples = new(() =>
        typeof(EnterpriseRoutes).Assembly.GetTypes()
            .Where(t => typeof(ISampleRecords).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .SelectMany(t => ((ISampleRecords)Activator.CreateInstance(t)!).Samples)
            .ToDictionary(kv => kv.Key, kv => kv.Value));

    /// <summary>A real record of the kind the route is about, found by the area's sample.</summary>
    public static async Task<string> UrlAsync(WijkbasisFactory app, string pattern)
    {
        var url = "/" + pattern.Replace("{enterprise}", "huiskamer", StringComparison.Ordinal);
        var idAt = pattern.IndexOf("/{id", StringComparison.Ordinal);
        if (idAt < 0)
        {
            return url;
        }
        var prefix = pattern["{enterprise}/".Length..idAt];
        Assert.True(Samples.Value.TryGetValue(prefix, out var sample), $"No ISampleRecords in the tests gives a record for '{prefix}'.");
        var id = await sample(app);
        return url.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal);
    }
}
