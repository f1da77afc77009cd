using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbasis.Features.Import;

namespace Wijkbasis.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.Property(j => j.FileName).HasMaxLength(ImportJob.FileNameMax);
        b.Property(j => j.ByName).HasMaxLength(100);
        b.Property(j => j.Problem).HasMaxLength(500);
        b.HasIndex(j => new { j.TenantId, j.CreatedAt });
        // The background work finds what is queued (also after a restart) without reading the files.
        b.HasIndex(j => j.Status);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(j => j.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ImportMappingConfiguration : IEntityTypeConfiguration<ImportMapping>
{
    public void Configure(EntityTypeBuilder<ImportMapping> b)
    {
        b.HasKey(m => new { m.TenantId, m.Kind });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
