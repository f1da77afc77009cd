using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbasis.Features.Buddies;
using Wijkbasis.Features.Budget;
using Wijkbasis.Features.Cases;
using Wijkbasis.Features.Intakes;
using Wijkbasis.Features.Outreach;
using Wijkbasis.Features.People;

namespace Wijkbasis.Data.Configurations;

internal sealed class BuddyConfiguration : IEntityTypeConfiguration<Buddy>
{
    public void Configure(EntityTypeBuilder<Buddy> b)
    {
        b.Property(x => x.Name).HasMaxLength(Buddy.NameMax);
        b.Property(x => x.Organisation).HasMaxLength(Buddy.OrganisationMax);
        b.Property(x => x.Skills).HasMaxLength(Buddy.TagsMax);
        b.Property(x => x.Languages).HasMaxLength(Buddy.TagsMax);
        b.Property(x => x.Postcode).HasMaxLength(7);
        b.Ignore(x => x.IsProfessional);
        // One profile per login per enterprise.
        b.HasIndex(x => new { x.TenantId, x.UserId }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.Kind });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IntakeConfiguration : IEntityTypeConfiguration<Intake>
{
    public void Configure(EntityTypeBuilder<Intake> b)
    {
        b.Property(x => x.ByName).HasMaxLength(100);
        b.Property(x => x.NeedTags).HasMaxLength(Intake.NeedTagsMax);
        b.Ignore(x => x.Rule);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.PersonId });
        b.HasIndex(x => new { x.TenantId, x.ByUserId });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ZrmCriterionConfiguration : IEntityTypeConfiguration<ZrmCriterion>
{
    public void Configure(EntityTypeBuilder<ZrmCriterion> b)
    {
        b.Property(x => x.Text).HasMaxLength(ZrmCriterion.TextMax);
        b.HasIndex(x => new { x.TenantId, x.Domain, x.Level }).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BuddyOfferConfiguration : IEntityTypeConfiguration<BuddyOffer>
{
    public void Configure(EntityTypeBuilder<BuddyOffer> b)
    {
        b.Property(x => x.OfferedByName).HasMaxLength(100);
        b.HasIndex(x => x.IntakeId);
        b.HasIndex(x => new { x.TenantId, x.BuddyUserId, x.Status });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Intake>().WithMany().HasForeignKey(x => x.IntakeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Buddy).WithMany().HasForeignKey(x => x.BuddyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.Property(x => x.TransferRequestedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsClosed);
        b.Ignore(x => x.HasPendingTransfer);
        // One case per intake: two accepts at once cannot start two.
        b.HasIndex(x => x.IntakeId).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.OwnerUserId, x.Status });
        b.HasIndex(x => new { x.TenantId, x.OwnerBuddyId, x.Status });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Intake>().WithMany().HasForeignKey(x => x.IntakeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Buddy>().WithMany().HasForeignKey(x => x.OwnerBuddyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Buddy>().WithMany().HasForeignKey(x => x.TransferToBuddyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseContactConfiguration : IEntityTypeConfiguration<CaseContact>
{
    public void Configure(EntityTypeBuilder<CaseContact> b)
    {
        b.Property(x => x.ByName).HasMaxLength(100);
        b.HasIndex(x => new { x.CaseId, x.On });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseItemConfiguration : IEntityTypeConfiguration<CaseItem>
{
    public void Configure(EntityTypeBuilder<CaseItem> b)
    {
        b.Property(x => x.ByName).HasMaxLength(100);
        b.HasIndex(x => x.CaseId);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProgrammeSettingsConfiguration : IEntityTypeConfiguration<ProgrammeSettings>
{
    public void Configure(EntityTypeBuilder<ProgrammeSettings> b)
    {
        b.Ignore(x => x.Rule);
        b.HasIndex(x => x.TenantId).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.Property(x => x.Name).HasMaxLength(Campaign.NameMax);
        b.Property(x => x.Street).HasMaxLength(Campaign.StreetMax);
        b.Property(x => x.Spot).HasMaxLength(Campaign.StreetMax);
        b.HasIndex(x => new { x.TenantId, x.StartsOn });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutreachVisitConfiguration : IEntityTypeConfiguration<OutreachVisit>
{
    public void Configure(EntityTypeBuilder<OutreachVisit> b)
    {
        b.Property(x => x.Address).HasMaxLength(OutreachVisit.AddressMax);
        b.Property(x => x.ByName).HasMaxLength(100);
        b.HasIndex(x => new { x.CampaignId, x.On });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SignalConfiguration : IEntityTypeConfiguration<Signal>
{
    public void Configure(EntityTypeBuilder<Signal> b)
    {
        b.Property(x => x.About).HasMaxLength(Signal.AboutMax);
        b.Property(x => x.ByName).HasMaxLength(100);
        b.HasIndex(x => new { x.TenantId, x.AssignedToUserId, x.DueOn });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BudgetPotConfiguration : IEntityTypeConfiguration<BudgetPot>
{
    public void Configure(EntityTypeBuilder<BudgetPot> b)
    {
        b.Property(x => x.Name).HasMaxLength(BudgetPot.NameMax);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.StartsOn });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.Property(x => x.ByName).HasMaxLength(100);
        b.Property(x => x.ApprovedByName).HasMaxLength(100);
        b.Property(x => x.SourceName).HasMaxLength(LedgerEntry.SourceNameMax);
        b.Property(x => x.Reason).HasMaxLength(Ledger.ReasonMax);
        b.HasIndex(x => new { x.PotId, x.BookedOn });
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => new { x.TenantId, x.RequestedByUserId, x.BookedOn });
        // A line is reversed at most once (NULLs do not collide).
        b.HasIndex(x => x.ReversesEntryId).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BudgetPot>().WithMany().HasForeignKey(x => x.PotId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LedgerEntry>().WithMany().HasForeignKey(x => x.ReversesEntryId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_LedgerEntries_Sign",
                "(\"Kind\" = 'Contribution' AND \"AmountCents\" > 0) OR (\"Kind\" = 'Spend' AND \"AmountCents\" < 0) OR (\"Kind\" = 'Reversal' AND \"AmountCents\" <> 0)");
        });
    }
}

internal sealed class SpendRequestConfiguration : IEntityTypeConfiguration<SpendRequest>
{
    public void Configure(EntityTypeBuilder<SpendRequest> b)
    {
        b.Property(x => x.RequestedByName).HasMaxLength(100);
        b.Property(x => x.DecidedByName).HasMaxLength(100);
        b.Property(x => x.WhyApproval).HasMaxLength(300);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.Status });
        b.HasIndex(x => x.CaseId);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BudgetPot>().WithMany().HasForeignKey(x => x.PotId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MandateConfiguration : IEntityTypeConfiguration<Mandate>
{
    public void Configure(EntityTypeBuilder<Mandate> b)
    {
        b.Property(x => x.SetByName).HasMaxLength(100);
        b.Ignore(x => x.Limits);
        b.HasIndex(x => new { x.TenantId, x.UserId }).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
