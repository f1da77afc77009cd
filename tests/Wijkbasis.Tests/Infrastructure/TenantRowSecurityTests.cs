using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Wijkbasis.Data.Migrations;

namespace Wijkbasis.Tests.Infrastructure;

/// <summary>The row-level-security helper for new PostgreSQL migrations emits the SQL the existing migrations pasted per
/// table, with the rule in the form PageIndexes gave every policy, so a table added the new way is guarded the same way.</summary>
public sealed partial class TenantRowSecurityTests
{
    private static List<(string Migration, string Sql)> Operations(Func<Migration, IReadOnlyList<MigrationOperation>> pick) =>
        typeof(Wijkbasis.Data.WijkbasisDb).Assembly.GetTypes()
            .Where(t => t.Namespace == "Wijkbasis.Data.Migrations.Postgres" && typeof(Migration).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t =>
            {
                var migration = (Migration)Activator.CreateInstance(t)!;
                migration.ActiveProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
                return pick(migration).OfType<SqlOperation>().Select(o => (t.Name, o.Sql));
            })
            .ToList();

    /// <summary>A pasted policy with its rule as PageIndexes rewrote it.</summary>
    private static string AsNow(string sql) => sql.Replace(TenantRowSecurity.PastedRule, TenantRowSecurity.Rule, StringComparison.Ordinal);

    [GeneratedRegex(@"^ALTER TABLE ""(\w+)"" ENABLE ROW LEVEL SECURITY")]
    private static partial Regex EnableOf();

    [Fact]
    public void TheHelperEmitsWhatTheRoomsMigrationPastedForRooms()
    {
        var pasted = Operations(m => m.UpOperations).Single(o => o.Migration == "Rooms" && o.Sql.StartsWith(@"ALTER TABLE ""Rooms"" ENABLE", StringComparison.Ordinal));
        Assert.Equal(AsNow(pasted.Sql), TenantRowSecurity.EnableSql("Rooms"));
        var dropped = Operations(m => m.DownOperations).Single(o => o.Migration == "Rooms" && o.Sql.Contains(@"ON ""Rooms""", StringComparison.Ordinal));
        Assert.Equal(dropped.Sql, TenantRowSecurity.DropSql("Rooms"));
    }

    [Fact]
    public void EveryPastedTenantPolicyIsWhatTheHelperEmits()
    {
        var pasted = Operations(m => m.UpOperations).Where(o => o.Sql.Contains("CREATE POLICY tenant_isolation", StringComparison.Ordinal)).ToList();
        Assert.Equal(69, pasted.Count);
        foreach (var (migration, sql) in pasted)
        {
            var table = EnableOf().Match(sql).Groups[1].Value;
            Assert.True(AsNow(sql) == TenantRowSecurity.EnableSql(table), $"{migration}: {table}");
        }
    }
}
