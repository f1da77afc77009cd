using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbasis.Features.AssetMap;

namespace Wijkbasis.Data.Configurations;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> b)
    {
        b.Property(a => a.Name).HasMaxLength(Asset.NameMax);
        b.Property(a => a.Description).HasMaxLength(Asset.DescriptionMax);
        b.Property(a => a.Address).HasMaxLength(Asset.AddressMax);
        b.Property(a => a.Postcode).HasMaxLength(7);
        b.Property(a => a.BuurtCode).HasMaxLength(10);
        b.Property(a => a.Contact).HasMaxLength(Asset.ContactMax);
        b.HasIndex(a => new { a.TenantId, a.Category, a.Name });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
