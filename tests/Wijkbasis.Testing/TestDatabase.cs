namespace Wijkbasis.Testing;

/// <summary>Which database this test run uses. ./test runs every suite once per provider:
/// WIJKBASIS_TEST_DB=sqlite|postgres, and WIJKBASIS_TEST_PG with the private cluster's connection.</summary>
public static class TestDatabase
{
    public static string Provider { get; } = Environment.GetEnvironmentVariable("WIJKBASIS_TEST_DB") is { Length: > 0 } p ? p : "sqlite";

    public static bool IsPostgres => Provider == "postgres";

    /// <summary>A connection string for a new, empty database of its own (created by the migrations).</summary>
    public static string NewConnectionString()
    {
        if (IsPostgres)
        {
            var server = Environment.GetEnvironmentVariable("WIJKBASIS_TEST_PG")
                ?? throw new InvalidOperationException("WIJKBASIS_TEST_PG is not set; run the tests with ./test.");
            return $"{server};Database=wb_{Guid.NewGuid():N}";
        }
        var folder = Path.Combine(Path.GetTempPath(), "wijkbasis-tests");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, $"{Guid.NewGuid():N}.db")}";
    }
}
