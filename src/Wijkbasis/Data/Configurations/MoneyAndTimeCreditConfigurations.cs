using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbasis.Features.MoneyFlows;
using Wijkbasis.Features.People;
using Wijkbasis.Features.TimeCredits;

namespace Wijkbasis.Data.Configurations;

internal sealed class MoneyLineConfiguration : IEntityTypeConfiguration<MoneyLine>
{
    public void Configure(EntityTypeBuilder<MoneyLine> b)
    {
        b.Property(x => x.Counterparty).HasMaxLength(MoneyLine.CounterpartyMax);
        b.Property(x => x.Description).HasMaxLength(MoneyLine.DescriptionMax);
        b.Property(x => x.Reason).HasMaxLength(MoneyLine.ReasonMax);
        b.Property(x => x.ByName).HasMaxLength(100);
        b.Ignore(x => x.StaysLocal);
        b.Ignore(x => x.IsReversal);
        b.HasIndex(x => new { x.TenantId, x.BookedOn });
        // A line is reversed at most once (NULLs do not collide).
        b.HasIndex(x => x.ReversesLineId).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<MoneyLine>().WithMany().HasForeignKey(x => x.ReversesLineId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_MoneyLines_Sign",
                "(\"ReversesLineId\" IS NULL AND \"AmountCents\" > 0) OR (\"ReversesLineId\" IS NOT NULL AND \"AmountCents\" < 0)");
            t.HasCheckConstraint("CK_MoneyLines_Kind",
                "(\"Direction\" = 'Income' AND \"Source\" IS NOT NULL AND \"Category\" IS NULL) OR (\"Direction\" = 'Spending' AND \"Category\" IS NOT NULL AND \"Source\" IS NULL)");
        });
    }
}

internal sealed class TimeCreditSettingsConfiguration : IEntityTypeConfiguration<TimeCreditSettings>
{
    public void Configure(EntityTypeBuilder<TimeCreditSettings> b)
    {
        b.Property(x => x.UpdatedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.TenantId).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_TimeCreditSettings_Bounds", "\"MinBalance\" <= 0 AND \"MaxBalance\" > 0"));
    }
}

internal sealed class TimeCreditAccountConfiguration : IEntityTypeConfiguration<TimeCreditAccount>
{
    public void Configure(EntityTypeBuilder<TimeCreditAccount> b)
    {
        b.Property(x => x.Name).HasMaxLength(TimeCreditAccount.NameMax);
        // One account per person, and one enterprise account, per enterprise.
        b.HasIndex(x => new { x.TenantId, x.PersonId }).IsUnique();
        b.HasIndex(x => x.TenantId).IsUnique().HasFilter("\"Kind\" = 'Enterprise'").HasDatabaseName("IX_TimeCreditAccounts_OneEnterpriseAccount");
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_TimeCreditAccounts_Kind",
            "(\"Kind\" = 'Person' AND \"PersonId\" IS NOT NULL) OR (\"Kind\" = 'Enterprise' AND \"PersonId\" IS NULL)"));
    }
}

internal sealed class TimeCreditTransferConfiguration : IEntityTypeConfiguration<TimeCreditTransfer>
{
    public void Configure(EntityTypeBuilder<TimeCreditTransfer> b)
    {
        b.Property(x => x.Description).HasMaxLength(TimeCreditTransfer.DescriptionMax);
        b.Property(x => x.Reason).HasMaxLength(TimeCreditTransfer.ReasonMax);
        b.Property(x => x.ByName).HasMaxLength(100);
        b.Property(x => x.LinkKind).HasMaxLength(TimeCreditTransfer.LinkKindMax);
        b.Ignore(x => x.IsReversal);
        b.HasIndex(x => new { x.TenantId, x.At });
        b.HasIndex(x => x.ReversesTransferId).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TimeCreditAccount>().WithMany().HasForeignKey(x => x.FromAccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TimeCreditAccount>().WithMany().HasForeignKey(x => x.ToAccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TimeCreditTransfer>().WithMany().HasForeignKey(x => x.ReversesTransferId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_TimeCreditTransfers_Valid", "\"Points\" > 0 AND \"FromAccountId\" <> \"ToAccountId\""));
    }
}

internal sealed class TimeCreditMovementConfiguration : IEntityTypeConfiguration<TimeCreditMovement>
{
    public void Configure(EntityTypeBuilder<TimeCreditMovement> b)
    {
        b.HasIndex(x => new { x.AccountId, x.At });
        // Exactly one movement per account per transfer (so two per transfer).
        b.HasIndex(x => new { x.TransferId, x.AccountId }).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TimeCreditTransfer>().WithMany().HasForeignKey(x => x.TransferId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TimeCreditAccount>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TimeCreditAccount>().WithMany().HasForeignKey(x => x.CounterAccountId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_TimeCreditMovements_NotZero", "\"Points\" <> 0"));
    }
}
