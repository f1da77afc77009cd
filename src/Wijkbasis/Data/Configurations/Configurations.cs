using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbasis.Features.People;
using Wijkbasis.Infrastructure.Audit;

namespace Wijkbasis.Data.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.Property(m => m.Name).HasMaxLength(100);
        b.Property(m => m.Code).HasMaxLength(10);
        b.HasIndex(m => m.Code).IsUnique();
    }
}

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> b)
    {
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Slug).HasMaxLength(40);
        b.HasIndex(e => e.Slug).IsUnique();
        b.HasOne(e => e.Municipality).WithMany().HasForeignKey(e => e.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b) => b.Property(u => u.DisplayName).HasMaxLength(100);
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.Property(m => m.Role).HasMaxLength(40);
        b.HasIndex(m => new { m.TenantId, m.UserId, m.Role }).IsUnique();
        b.HasIndex(m => m.UserId);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(i => i.Email).HasMaxLength(200);
        b.Property(i => i.Role).HasMaxLength(40);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.Name).HasMaxLength(Person.NameMax);
        b.Property(p => p.SearchName).HasMaxLength(Person.NameMax);
        b.Property(p => p.Postcode).HasMaxLength(7);
        b.Property(p => p.BuurtCode).HasMaxLength(10);
        b.Property(p => p.Phone).HasMaxLength(Person.PhoneMax);
        b.Property(p => p.Email).HasMaxLength(Person.EmailMax);
        b.Property(p => p.Languages).HasMaxLength(Person.LanguagesMax);
        b.Property(p => p.ErasureReason).HasMaxLength(Person.ErasureReasonMax);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.TenantId, p.SearchName });
        b.HasIndex(p => new { p.TenantId, p.Postcode });
        b.HasIndex(p => new { p.TenantId, p.BuurtCode });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Consents).WithOne().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> b)
    {
        b.Property(c => c.RecordedByName).HasMaxLength(100);
        b.Property(c => c.Note).HasMaxLength(ConsentRecord.NoteMax);
        b.HasIndex(c => new { c.TenantId, c.PersonId, c.Purpose, c.RecordedAt });
    }
}

internal sealed class PostcodeAreaConfiguration : IEntityTypeConfiguration<PostcodeArea>
{
    public void Configure(EntityTypeBuilder<PostcodeArea> b)
    {
        b.HasKey(p => p.Postcode);
        b.Property(p => p.Postcode).HasMaxLength(6);
        b.Property(p => p.BuurtCode).HasMaxLength(10);
        b.Property(p => p.BuurtName).HasMaxLength(100);
        b.Property(p => p.WijkCode).HasMaxLength(8);
        b.Property(p => p.WijkName).HasMaxLength(100);
        b.Property(p => p.GemeenteCode).HasMaxLength(6);
        b.HasIndex(p => p.BuurtCode);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Role).HasMaxLength(200);
        b.Property(a => a.EntityType).HasMaxLength(60);
        b.Property(a => a.EntityId).HasMaxLength(200);
        b.Property(a => a.Action).HasMaxLength(20);
        b.Property(a => a.Outcome).HasMaxLength(20);
        b.HasIndex(a => new { a.TenantId, a.At });
        b.HasIndex(a => new { a.TenantId, a.PersonId });
        b.Property(a => a.PrevHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        // One row per chain position: two sealers can never fork the chain.
        b.HasIndex(a => a.ChainSeq).IsUnique();
        // The sealer's work list: only rows not sealed yet, so finding them does not scan the whole log.
        b.HasIndex(a => a.Id, "IX_AuditEntries_Unsealed").HasFilter("\"ChainSeq\" IS NULL");
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b) => b.Property(k => k.FriendlyName).HasMaxLength(200);
}

internal sealed class SentFormConfiguration : IEntityTypeConfiguration<Features.Shared.SentForm>
{
    public void Configure(EntityTypeBuilder<Features.Shared.SentForm> b)
    {
        // The key is the primary key: of two racing submissions of one form, only one can save.
        b.HasKey(f => new { f.TenantId, f.Key });
        b.Property(f => f.Result).HasMaxLength(Features.Shared.SentForm.ResultMax);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RetentionSettingConfiguration : IEntityTypeConfiguration<Features.Retention.RetentionSetting>
{
    public void Configure(EntityTypeBuilder<Features.Retention.RetentionSetting> b)
    {
        b.Property(r => r.UpdatedByName).HasMaxLength(200);
        b.HasIndex(r => new { r.TenantId, r.Kind }).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
