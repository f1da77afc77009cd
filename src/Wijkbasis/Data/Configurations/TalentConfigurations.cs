using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Talents;

namespace Wijkbasis.Data.Configurations;

internal sealed class TalentTagConfiguration : IEntityTypeConfiguration<TalentTag>
{
    public void Configure(EntityTypeBuilder<TalentTag> b)
    {
        b.Property(x => x.Name).HasMaxLength(TalentTag.NameMax);
        b.Property(x => x.Key).HasMaxLength(TalentTag.NameMax);
        // One tag per word per enterprise; a rename to a word already on the list is refused.
        b.HasIndex(x => new { x.TenantId, x.Key }).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TalentCardConfiguration : IEntityTypeConfiguration<TalentCard>
{
    public void Configure(EntityTypeBuilder<TalentCard> b)
    {
        b.Property(x => x.OfferText).HasMaxLength(TalentCard.TextMax);
        b.Property(x => x.NeedText).HasMaxLength(TalentCard.TextMax);
        b.Property(x => x.UpdatedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.PersonId }).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Tags).WithOne().HasForeignKey(x => x.CardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TalentCardTagConfiguration : IEntityTypeConfiguration<TalentCardTag>
{
    public void Configure(EntityTypeBuilder<TalentCardTag> b)
    {
        b.HasIndex(x => new { x.CardId, x.TagId, x.Side }).IsUnique();
        // The board searches by tag and side.
        b.HasIndex(x => new { x.TenantId, x.TagId, x.Side });
        b.HasOne(x => x.Tag).WithMany().HasForeignKey(x => x.TagId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SharedOfferConfiguration : IEntityTypeConfiguration<SharedOffer>
{
    public void Configure(EntityTypeBuilder<SharedOffer> b)
    {
        b.Property(x => x.EnterpriseName).HasMaxLength(200);
        b.Property(x => x.FirstName).HasMaxLength(Person.NameMax);
        b.Property(x => x.BuurtCode).HasMaxLength(20);
        b.Property(x => x.BuurtName).HasMaxLength(100);
        b.Property(x => x.TagKeys).HasMaxLength(2000);
        b.Property(x => x.TagNames).HasMaxLength(2000);
        b.Property(x => x.Languages).HasMaxLength(Person.LanguagesMax);
        b.Property(x => x.Text).HasMaxLength(TalentCard.TextMax);
        b.HasIndex(x => new { x.TenantId, x.PersonId }).IsUnique();
        b.HasIndex(x => new { x.MunicipalityId, x.UpdatedAt });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MatchConfiguration : IEntityTypeConfiguration<Match>
{
    public void Configure(EntityTypeBuilder<Match> b)
    {
        b.Property(x => x.About).HasMaxLength(Match.AboutMax);
        b.Property(x => x.Reasons).HasMaxLength(2000);
        b.Property(x => x.SuggestedByName).HasMaxLength(100);
        b.Property(x => x.IntroducedByName).HasMaxLength(100);
        b.Property(x => x.FizzleReason).HasMaxLength(Match.ReasonMax);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.Status, x.LastMovedAt });
        b.HasIndex(x => new { x.TenantId, x.GiverPersonId });
        b.HasIndex(x => new { x.TenantId, x.ReceiverPersonId });
        // Giver ≠ receiver is a domain rule; the database keeps it too.
        b.ToTable(t => t.HasCheckConstraint("CK_Matches_TwoPeople", "\"GiverPersonId\" <> \"ReceiverPersonId\""));
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.GiverPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.ReceiverPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MatchNoteConfiguration : IEntityTypeConfiguration<MatchNote>
{
    public void Configure(EntityTypeBuilder<MatchNote> b)
    {
        b.Property(x => x.ByName).HasMaxLength(100);
        b.Property(x => x.Text).HasMaxLength(MatchNote.TextMax);
        b.HasIndex(x => new { x.TenantId, x.MatchId, x.At });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Match>().WithMany().HasForeignKey(x => x.MatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
