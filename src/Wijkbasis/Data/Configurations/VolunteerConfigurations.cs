using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Volunteers;

namespace Wijkbasis.Data.Configurations;

internal sealed class VolunteerRoleConfiguration : IEntityTypeConfiguration<VolunteerRole>
{
    public void Configure(EntityTypeBuilder<VolunteerRole> b)
    {
        b.Property(x => x.Name).HasMaxLength(VolunteerRole.NameMax);
        b.Property(x => x.Key).HasMaxLength(VolunteerRole.NameMax);
        b.Ignore(x => x.IsArchived);
        // One role per word per enterprise; a rename to a word already on the list is refused.
        b.HasIndex(x => new { x.TenantId, x.Key }).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.PersonId }).IsUnique();
        // One login belongs to one volunteer per enterprise (NULLs do not collide).
        b.HasIndex(x => new { x.TenantId, x.UserId }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.VogExpiresOn });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ShiftSignupConfiguration : IEntityTypeConfiguration<ShiftSignup>
{
    public void Configure(EntityTypeBuilder<ShiftSignup> b)
    {
        b.Property(x => x.ByName).HasMaxLength(100);
        // Twice the same volunteer in the same role at the same session is one sign-up, also when two requests race.
        b.HasIndex(x => new { x.SessionId, x.RoleId, x.VolunteerId }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.VolunteerId });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<VolunteerRole>().WithMany().HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VolunteerHoursConfiguration : IEntityTypeConfiguration<VolunteerHours>
{
    public void Configure(EntityTypeBuilder<VolunteerHours> b)
    {
        b.Property(x => x.Note).HasMaxLength(VolunteerHours.NoteMax);
        b.Property(x => x.ByName).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.WorkedOn });
        b.HasIndex(x => new { x.TenantId, x.PersonId, x.WorkedOn });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<VolunteerRole>().WithMany().HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.SetNull);
        b.ToTable(t => t.HasCheckConstraint("CK_VolunteerHours_Minutes", "\"Minutes\" > 0 AND \"Minutes\" <= 1440"));
    }
}

internal sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> b)
    {
        b.Property(x => x.Description).HasMaxLength(Contribution.DescriptionMax);
        b.Property(x => x.ByName).HasMaxLength(100);
        b.HasIndex(x => new { x.TenantId, x.GivenOn });
        b.HasIndex(x => new { x.TenantId, x.PersonId, x.GivenOn });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Features.TimeCredits.TimeCreditTransfer>().WithMany().HasForeignKey(x => x.TransferId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_Contributions_Points", "\"Points\" IS NULL OR \"Points\" > 0"));
    }
}
