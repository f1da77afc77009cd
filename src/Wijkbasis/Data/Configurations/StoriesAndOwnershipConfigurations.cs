using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.Ownership;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Stories;

namespace Wijkbasis.Data.Configurations;

internal sealed class ChangeStoryConfiguration : IEntityTypeConfiguration<ChangeStory>
{
    public void Configure(EntityTypeBuilder<ChangeStory> b)
    {
        b.Property(s => s.Text).HasMaxLength(ChangeStory.TextMax);
        b.Property(s => s.ByName).HasMaxLength(100);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => new { s.TenantId, s.ToldOn });
        b.HasIndex(s => new { s.TenantId, s.PersonId });
        // A logbook story is taken over once (the page says so first, the index answers a race).
        b.HasIndex(s => new { s.TenantId, s.LogEntryId }).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        // A copy outlives its logbook entry (removed by a worker or by retention): the reference is then cleared.
        b.HasOne<LogEntry>().WithMany().HasForeignKey(s => s.LogEntryId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class StorySelectionConfiguration : IEntityTypeConfiguration<StorySelection>
{
    public void Configure(EntityTypeBuilder<StorySelection> b)
    {
        b.Property(s => s.PeriodKey).HasMaxLength(StorySelection.PeriodKeyMax);
        b.Property(s => s.Reasons).HasMaxLength(StorySelection.ReasonsMax);
        b.Property(s => s.Group).HasMaxLength(StorySelection.GroupMax);
        b.Property(s => s.ByName).HasMaxLength(100);
        // One story per domain per period.
        b.HasIndex(s => new { s.TenantId, s.PeriodKey, s.Domain }).IsUnique();
        b.HasIndex(s => new { s.TenantId, s.StoryId });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ChangeStory>().WithMany().HasForeignKey(s => s.StoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OwnershipRoundConfiguration : IEntityTypeConfiguration<OwnershipRound>
{
    public void Configure(EntityTypeBuilder<OwnershipRound> b)
    {
        b.Property(r => r.Name).HasMaxLength(OwnershipRound.NameMax);
        b.Property(r => r.ByName).HasMaxLength(100);
        b.HasIndex(r => new { r.TenantId, r.HeldOn });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OwnershipScoringConfiguration : IEntityTypeConfiguration<OwnershipScoring>
{
    public void Configure(EntityTypeBuilder<OwnershipScoring> b)
    {
        b.Property(s => s.PartnerName).HasMaxLength(OwnershipScoring.NameMax);
        b.Property(s => s.PartnerKey).HasMaxLength(OwnershipScoring.NameMax);
        b.Property(s => s.Rungs).HasMaxLength(20);
        b.Property(s => s.ByName).HasMaxLength(100);
        b.Property(s => s.Version).IsConcurrencyToken();
        // One form per partner per round (case and spaces aside).
        b.HasIndex(s => new { s.TenantId, s.RoundId, s.PartnerKey }).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OwnershipRound>().WithMany().HasForeignKey(s => s.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
