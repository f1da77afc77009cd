using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbasis.Features.Partners;
using Wijkbasis.Features.People;

namespace Wijkbasis.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Name).HasMaxLength(Organisation.NameMax);
        b.Property(o => o.NameKey).HasMaxLength(Organisation.NameMax);
        b.Property(o => o.BuurtCode).HasMaxLength(10);
        b.Property(o => o.Address).HasMaxLength(Organisation.AddressMax);
        b.Property(o => o.Website).HasMaxLength(Organisation.WebsiteMax);
        // No two organisations with the same name in one enterprise (the page says so first, in Dutch).
        b.HasIndex(o => new { o.TenantId, o.NameKey }).IsUnique();
        b.HasIndex(o => new { o.TenantId, o.Kind });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(o => o.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganisationContactConfiguration : IEntityTypeConfiguration<OrganisationContact>
{
    public void Configure(EntityTypeBuilder<OrganisationContact> b)
    {
        b.Property(c => c.Name).HasMaxLength(OrganisationContact.NameMax);
        b.Property(c => c.Role).HasMaxLength(OrganisationContact.RoleMax);
        b.Property(c => c.Phone).HasMaxLength(OrganisationContact.PhoneMax);
        b.Property(c => c.Email).HasMaxLength(OrganisationContact.EmailMax);
        b.Property(c => c.HowToReach).HasMaxLength(OrganisationContact.ReachMax);
        b.HasIndex(c => new { c.TenantId, c.OrganisationId });
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkAgreementConfiguration : IEntityTypeConfiguration<WorkAgreement>
{
    public void Configure(EntityTypeBuilder<WorkAgreement> b)
    {
        b.Property(a => a.What).HasMaxLength(WorkAgreement.WhatMax);
        b.HasIndex(a => new { a.TenantId, a.OrganisationId });
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.Property(r => r.WentAlongName).HasMaxLength(100);
        b.Property(r => r.ByName).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.TenantId, r.PersonId });
        b.HasIndex(r => new { r.TenantId, r.FollowUpUserId, r.FollowUpOn });
        b.HasIndex(r => new { r.TenantId, r.ReferredOn });
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrganisationContact>().WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.SetNull);
    }
}
