using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;

namespace Wijkbasis.Infrastructure.Tenancy;

/// <summary>Stamps new tenant-owned rows with the current tenant and refuses any write to a row of
/// another tenant, or any tenant-owned write without a tenant.</summary>
public sealed class TenantInterceptor(TenantContext tenant) : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        foreach (var entry in context.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            if (!tenant.HasTenant)
            {
                throw new TenantViolationException($"{entry.Metadata.ClrType.Name} written without a tenant.");
            }
            if (entry.State == EntityState.Added)
            {
                if (entry.Entity.TenantId == Guid.Empty)
                {
                    entry.Entity.TenantId = tenant.TenantId;
                }
                else if (entry.Entity.TenantId != tenant.TenantId)
                {
                    throw new TenantViolationException($"{entry.Metadata.ClrType.Name} added for another tenant.");
                }
                continue;
            }
            var original = entry.Property(e => e.TenantId).OriginalValue;
            if (original != tenant.TenantId || entry.Entity.TenantId != tenant.TenantId)
            {
                throw new TenantViolationException($"{entry.Metadata.ClrType.Name} of another tenant changed.");
            }
        }
    }
}

public sealed class TenantViolationException(string message) : InvalidOperationException(message);
