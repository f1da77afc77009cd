using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbasis.Features.Impact;

namespace Wijkbasis.Data.Configurations;

internal sealed class ReportDraftConfiguration : IEntityTypeConfiguration<ReportDraft>
{
    public void Configure(EntityTypeBuilder<ReportDraft> b)
    {
        b.Property(x => x.PeriodKey).HasMaxLength(ReportDraft.PeriodKeyMax);
        b.Property(x => x.WentWell).HasMaxLength(ReportDraft.TextMax);
        b.Property(x => x.Learned).HasMaxLength(ReportDraft.TextMax);
        b.Property(x => x.Plans).HasMaxLength(ReportDraft.TextMax);
        b.Property(x => x.StoryIds).HasMaxLength(4000);
        b.Property(x => x.UpdatedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.PeriodKey }).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FixedReportConfiguration : IEntityTypeConfiguration<FixedReport>
{
    public void Configure(EntityTypeBuilder<FixedReport> b)
    {
        b.Property(x => x.PeriodKey).HasMaxLength(ReportDraft.PeriodKeyMax);
        b.Property(x => x.FixedByName).HasMaxLength(100);
        b.Property(x => x.SupersededByName).HasMaxLength(100);
        // Two coordinators fixing the same period at once make one version each, never two with the same number.
        b.HasIndex(x => new { x.TenantId, x.PeriodKey, x.Number }).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BuurtPopulationConfiguration : IEntityTypeConfiguration<BuurtPopulation>
{
    public void Configure(EntityTypeBuilder<BuurtPopulation> b)
    {
        b.HasKey(x => new { x.BuurtCode, x.Year });
        b.Property(x => x.BuurtCode).HasMaxLength(20);
    }
}

internal sealed class PublishedCubeConfiguration : IEntityTypeConfiguration<PublishedCube>
{
    public void Configure(EntityTypeBuilder<PublishedCube> b)
    {
        b.HasKey(x => new { x.MunicipalityId, x.Year });
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
    }
}
