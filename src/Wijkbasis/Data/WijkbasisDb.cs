using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.People;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Data;

/// <summary>The one model. Provider-specific subclasses (<see cref="SqliteWijkbasisDb"/>,
/// <see cref="PostgresWijkbasisDb"/>) exist only so each provider keeps its own migrations.</summary>
public abstract class WijkbasisDb(DbContextOptions options, TenantContext tenant)
    : IdentityUserContext<AppUser, Guid>(options)
{
    public const string TenantFilter = "Tenant";

    /// <summary>Read by the tenant query filter on every query; Guid.Empty matches no row.</summary>
    public Guid CurrentTenantId => tenant.TenantId;

    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<HeadCount> HeadCounts => Set<HeadCount>();
    public DbSet<LogEntry> LogEntries => Set<LogEntry>();
    public DbSet<PostcodeArea> PostcodeAreas => Set<PostcodeArea>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Everything is stored in UTC; reading it back must say so, on both providers.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WijkbasisDb).Assembly, t => t.Namespace == typeof(WijkbasisDb).Namespace + ".Configurations");

        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entityType.ClrType).HasQueryFilter(TenantFilter, TenantFilterFor(entityType.ClrType));
        }
    }

    private LambdaExpression TenantFilterFor(Type type)
    {
        // e => e.TenantId == this.CurrentTenantId; EF parameterises the context property per query.
        var e = Expression.Parameter(type, "e");
        var body = Expression.Equal(
            Expression.Property(e, nameof(ITenantOwned.TenantId)),
            Expression.Property(Expression.Constant(this), nameof(CurrentTenantId)));
        return Expression.Lambda(body, e);
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteWijkbasisDb(DbContextOptions<SqliteWijkbasisDb> options, TenantContext tenant)
    : WijkbasisDb(options, tenant);

public sealed class PostgresWijkbasisDb(DbContextOptions<PostgresWijkbasisDb> options, TenantContext tenant)
    : WijkbasisDb(options, tenant);
