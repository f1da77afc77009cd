namespace Wijkbasis.Tests.Infrastructure;

/// <summary>The repository's own files, for tests that read the source (structure rules, the English texts).</summary>
public static class SourceTree
{
    public static readonly string Root = FindRoot();

    public static string Features => Path.Combine(Root, "src", "Wijkbasis", "Features");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wijkbasis.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (Wijkbasis.slnx) is not above " + AppContext.BaseDirectory);
    }

    /// <summary>Every file under Features/ with this extension, as (path relative to Features, text).</summary>
    public static IEnumerable<(string Path, string Text)> FeatureFiles(string extension) =>
        Directory.EnumerateFiles(Features, "*" + extension, SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(Features, f).Replace('\\', '/'), File.ReadAllText(f)));
}
