using Microsoft.EntityFrameworkCore;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Infrastructure.Secrets;

/// <summary>Finishes a key rotation: every sealed field still sealed with an older key is opened and sealed again
/// with the active key, enterprise by enterprise (each rewrite is audited as an update by "sleutelrotatie").
/// Which fields: every <see cref="SealedText"/> property in the model, found through EF's metadata.</summary>
public sealed class FieldResealing(WijkbasisDb db, IServiceScopeFactory scopes, FieldCipher cipher, ILogger<FieldResealing> log)
{
    private const int Batch = 200;

    /// <summary>Returns how many rows were rewritten.</summary>
    public async Task<int> ResealAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        var types = db.Model.GetEntityTypes()
            .Select(t => (Type: t.ClrType, Properties: t.GetProperties().Where(p => p.ClrType == typeof(SealedText)).Select(p => p.PropertyInfo!).ToList()))
            .Where(t => t.Properties.Count > 0 && typeof(IAudited).IsAssignableFrom(t.Type))
            .ToList();
        var enterprises = await db.Enterprises.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var enterprise in enterprises)
        {
            await using var scope = scopes.AsTenant(enterprise, [], "sleutelrotatie");
            var tenantDb = scope.ServiceProvider.GetRequiredService<WijkbasisDb>();
            foreach (var (type, properties) in types)
            {
                var method = typeof(FieldResealing).GetMethod(nameof(ResealTypeAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                    .MakeGenericMethod(type);
                total += await (Task<int>)method.Invoke(this, [tenantDb, properties, cancellationToken])!;
            }
        }
        if (total > 0)
        {
            log.LogWarning("Resealed {Rows} rows with field-encryption key {Key}", total, cipher.ActiveKeyId);
        }
        return total;
    }

    private async Task<int> ResealTypeAsync<T>(WijkbasisDb tenantDb, List<System.Reflection.PropertyInfo> properties, CancellationToken cancellationToken) where T : class
    {
        var active = cipher.ActiveKeyId;
        var done = 0;
        var after = Guid.Empty;
        while (true)
        {
            // Through the table in id order, a batch at a time; only rows with a field under an older key are rewritten.
            var rows = await TenantBypass.RowsToReseal<T>(tenantDb).Where(r => EF.Property<Guid>(r, "Id").CompareTo(after) > 0)
                .OrderBy(r => EF.Property<Guid>(r, "Id")).Take(Batch).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return done;
            }
            after = ((IAudited)rows[^1]).Id;
            foreach (var row in rows)
            {
                var owner = (IAudited)row;
                var changed = false;
                foreach (var property in properties)
                {
                    if (property.GetValue(row) is SealedText sealedText && sealedText.KeyId != active)
                    {
                        property.SetValue(row, cipher.Seal(cipher.Open(sealedText, owner, property.Name), owner, property.Name));
                        changed = true;
                    }
                }
                done += changed ? 1 : 0;
            }
            await tenantDb.SaveChangesAsync(cancellationToken);
            tenantDb.ChangeTracker.Clear();
        }
    }
}

/// <summary>Runs <see cref="FieldResealing"/> once after start when the key ring lists more than one key.</summary>
public sealed class FieldResealingAtStart(IServiceScopeFactory scopes, FieldKeyRing keys, IConfiguration configuration,
    ILogger<FieldResealingAtStart> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (keys.Ids.Count < 2 || !configuration.GetValue("FieldEncryption:ResealAtStart", true))
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FieldResealing>().ResealAsync(stoppingToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException
                                       or System.Security.Cryptography.CryptographicException or FormatException)
        {
            log.LogError(e, "Resealing with the new field-encryption key failed; it is tried again at the next start");
        }
    }
}
