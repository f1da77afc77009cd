using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbasis.Features.Api;

namespace Wijkbasis.Data.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(ApiToken.NameMax);
        b.Property(t => t.Prefix).HasMaxLength(ApiToken.PrefixLength);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.Property(t => t.Scopes).HasMaxLength(200);
        b.Property(t => t.CreatedByName).HasMaxLength(100);
        b.Property(t => t.RevokedByName).HasMaxLength(100);
        // Found by prefix across enterprises (TenantBypass.ApiTokenByPrefix) before the enterprise is known.
        b.HasIndex(t => t.Prefix).IsUnique();
        b.HasIndex(t => new { t.TenantId, t.CreatedAt });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
