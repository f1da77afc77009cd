using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbasis.Features.Partners;

namespace Wijkbasis.Data.Configurations;

internal sealed class FundingAgreementConfiguration : IEntityTypeConfiguration<FundingAgreement>
{
    public void Configure(EntityTypeBuilder<FundingAgreement> b)
    {
        b.Property(a => a.Title).HasMaxLength(FundingAgreement.TitleMax);
        b.Property(a => a.Conditions).HasMaxLength(FundingAgreement.ConditionsMax);
        b.HasIndex(a => new { a.TenantId, a.StartsOn });
        b.HasIndex(a => new { a.TenantId, a.FunderId });
        // An organisation that funds an agreement is not deleted with it (the partners page says so first).
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.FunderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementAmountConfiguration : IEntityTypeConfiguration<AgreementAmount>
{
    public void Configure(EntityTypeBuilder<AgreementAmount> b)
    {
        // One amount per year of an agreement (the page says so first, the index answers a race).
        b.HasIndex(a => new { a.TenantId, a.AgreementId, a.Year }).IsUnique();
        b.HasOne<FundingAgreement>().WithMany().HasForeignKey(a => a.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementReportDateConfiguration : IEntityTypeConfiguration<AgreementReportDate>
{
    public void Configure(EntityTypeBuilder<AgreementReportDate> b)
    {
        b.Property(r => r.What).HasMaxLength(AgreementReportDate.WhatMax);
        b.Property(r => r.SubmittedByName).HasMaxLength(100);
        b.HasIndex(r => new { r.TenantId, r.AgreementId });
        // Vandaag asks for the open ones by date.
        b.HasIndex(r => new { r.TenantId, r.SubmittedOn, r.DueOn });
        b.HasOne<FundingAgreement>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementTargetConfiguration : IEntityTypeConfiguration<AgreementTarget>
{
    public void Configure(EntityTypeBuilder<AgreementTarget> b)
    {
        b.Property(t => t.IndicatorId).HasMaxLength(AgreementTarget.IndicatorMax);
        b.Property(t => t.Value).HasPrecision(14, 2);
        b.HasIndex(t => new { t.TenantId, t.AgreementId });
        b.HasOne<FundingAgreement>().WithMany().HasForeignKey(t => t.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}
