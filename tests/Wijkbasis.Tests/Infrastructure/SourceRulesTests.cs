using System.Text.RegularExpressions;

namespace Wijkbasis.Tests.Infrastructure;

/// <summary>Rules of the source that the compiler does not check by itself: links and redirects go through page names
/// (asp-page, RedirectToPage) and fields through asp-for, so a renamed page or property breaks the build or this test
/// instead of a link; refusals are texts with values, never interpolated Dutch.</summary>
public sealed partial class SourceRulesTests
{
    private static List<string> Offending(string extension, Regex rule) =>
        SourceTree.FeatureFiles(extension)
            .SelectMany(f => f.Text.Split('\n').Select((line, i) => (f.Path, Line: i + 1, Text: line)))
            .Where(l => rule.IsMatch(l.Text))
            .Select(l => $"{l.Path}:{l.Line}: {l.Text.Trim()}")
            .ToList();

    [Fact]
    public void NoPageRedirectsToAHandBuiltPath()
    {
        var found = Offending(".cs", HandBuiltRedirect());
        Assert.True(found.Count == 0, "Use RedirectToPage:\n" + string.Join('\n', found));
    }

    [Fact]
    public void NoFormFieldHasAHandTypedInputName()
    {
        var found = Offending(".cshtml", HandTypedInputName());
        Assert.True(found.Count == 0, "Use asp-for (or Html.NameFor):\n" + string.Join('\n', found));
    }

    [Fact]
    public void NoLinkOrFormIsAHandBuiltPathIntoAnEnterprise()
    {
        var found = Offending(".cshtml", HandBuiltTenantPath());
        Assert.True(found.Count == 0, "Use asp-page with asp-route-*:\n" + string.Join('\n', found));
    }

    [Fact]
    public void NoRefusalIsAnInterpolatedString()
    {
        var found = Offending(".cs", InterpolatedModelError());
        Assert.True(found.Count == 0, "Refuse with a Refusal (format plus values):\n" + string.Join('\n', found));
    }

    /// <summary>asp-page, RedirectToPage and Url.Page name pages by string; each name must be a page that exists
    /// (absolute, or relative to the folder of the file that names it).</summary>
    [Fact]
    public void EveryPageNamedInALinkOrRedirectExists()
    {
        var pages = Directory.EnumerateFiles(SourceTree.Features, "*.cshtml", SearchOption.AllDirectories)
            .Select(f => "/" + Path.GetRelativePath(SourceTree.Features, f).Replace('\\', '/')[..^".cshtml".Length])
            .ToHashSet(StringComparer.Ordinal);
        var named = SourceTree.FeatureFiles(".cshtml").Concat(SourceTree.FeatureFiles(".cs"))
            .SelectMany(f => PageName().Matches(f.Text).Select(m => (f.Path, Name: m.Groups["name"].Value)))
            .ToList();
        Assert.NotEmpty(named);
        var missing = named
            .Select(n => (n.Path, n.Name, Resolved: n.Name.StartsWith('/') ? n.Name : "/" + Path.GetDirectoryName(n.Path)!.Replace('\\', '/') + "/" + n.Name))
            .Where(n => !pages.Contains(n.Resolved))
            .Select(n => $"{n.Path}: {n.Name}")
            .ToList();
        Assert.True(missing.Count == 0, "Pages that do not exist:\n" + string.Join('\n', missing));
    }

    /// <summary>Resource names are case-insensitive when the resources are built: of two Dutch texts that differ only in
    /// case ("Punten", "punten") one would silently lose its English.</summary>
    [Fact]
    public void NoTwoDutchTextsDifferOnlyInCase()
    {
        var keys = System.Xml.Linq.XDocument.Load(Path.Combine(SourceTree.Root, "src", "Wijkbasis", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToList();
        Assert.True(keys.Count > 1000, "The English resource table looks empty.");
        var clashes = keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Texts that differ only in case:\n" + string.Join('\n', clashes));
    }

    [GeneratedRegex("""Redirect\(\$?"/""")]
    private static partial Regex HandBuiltRedirect();

    [GeneratedRegex("""name="Input\.""")]
    private static partial Regex HandTypedInputName();

    [GeneratedRegex("""(href|action|formaction)="/@""")]
    private static partial Regex HandBuiltTenantPath();

    [GeneratedRegex(@"AddModelError\([^;]*\$""")]
    private static partial Regex InterpolatedModelError();

    [GeneratedRegex(@"(asp-page=""|RedirectToPage\(""|Url\.Page\("")(?<name>[^""@]+)""")]
    private static partial Regex PageName();
}
