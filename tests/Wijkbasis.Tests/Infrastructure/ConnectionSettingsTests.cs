using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Tests.Infrastructure;

public sealed class ConnectionSettingsTests
{
    [Theory]
    [InlineData("Host=db;Database=wijkbasis;No Reset On Close=true")]
    [InlineData("Host=db;Database=wijkbasis;Multiplexing=true")]
    public void PostgresSettingsThatCouldShareATenantBetweenRequestsAreRefused(string connectionString) =>
        Assert.Throws<InvalidOperationException>(() => PostgresTenantSession.EnsureSafeConnectionString(connectionString));

    [Fact]
    public void AnOrdinaryPostgresConnectionStringIsAccepted() =>
        PostgresTenantSession.EnsureSafeConnectionString("Host=db;Database=wijkbasis;Username=wijkbasis;Password=x");
}
