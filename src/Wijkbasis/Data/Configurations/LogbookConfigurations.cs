using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Logbook;
using Wijkbasis.Features.People;

namespace Wijkbasis.Data.Configurations;

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> b)
    {
        b.Property(l => l.Name).HasMaxLength(Location.NameMax);
        b.Property(l => l.Address).HasMaxLength(Location.AddressMax);
        b.Property(l => l.Label).HasMaxLength(Location.LabelMax);
        b.Ignore(l => l.Display);
        b.HasIndex(l => new { l.TenantId, l.Name });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(l => l.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.Property(a => a.Name).HasMaxLength(Activity.NameMax);
        b.Property(a => a.Description).HasMaxLength(Activity.DescriptionMax);
        b.HasIndex(a => new { a.TenantId, a.Name });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Location).WithMany().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.HostUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> b)
    {
        b.Property(s => s.CancelReason).HasMaxLength(Session.ReasonMax);
        b.Property(s => s.ClosedByName).HasMaxLength(100);
        b.Ignore(s => s.IsCancelled);
        b.Ignore(s => s.IsClosed);
        // One session per place in the series: planning twice (or on two instances) cannot double it.
        b.HasIndex(s => new { s.ActivityId, s.OccurrenceDate }).IsUnique();
        b.HasIndex(s => new { s.TenantId, s.StartsAt });
        // The activities list asks each activity for its next session: a range from now on, not the whole history.
        b.HasIndex(s => new { s.ActivityId, s.EndsAt });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Activity).WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Location).WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.HostUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> b)
    {
        b.Property(c => c.ByName).HasMaxLength(100);
        // The database refuses a second check-in of the same person, also when two devices try at once.
        b.HasIndex(c => new { c.SessionId, c.PersonId }).IsUnique();
        b.HasIndex(c => new { c.TenantId, c.PersonId });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Session>().WithMany().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HeadCountConfiguration : IEntityTypeConfiguration<HeadCount>
{
    public void Configure(EntityTypeBuilder<HeadCount> b)
    {
        b.Property(h => h.ByName).HasMaxLength(100);
        b.Ignore(h => h.Total);
        b.HasIndex(h => new { h.TenantId, h.SessionId });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Session>().WithMany().HasForeignKey(h => h.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t =>
        {
            foreach (var band in new[] { nameof(HeadCount.Children), nameof(HeadCount.Teens), nameof(HeadCount.Adults), nameof(HeadCount.Seniors) })
            {
                t.HasCheckConstraint($"CK_HeadCounts_{band}", $"\"{band}\" BETWEEN 0 AND {HeadCount.MaxPerBand}");
            }
        });
    }
}

internal sealed class LogEntryConfiguration : IEntityTypeConfiguration<LogEntry>
{
    public void Configure(EntityTypeBuilder<LogEntry> b)
    {
        b.Property(e => e.Text).HasMaxLength(LogEntry.TextMax);
        b.Property(e => e.ByName).HasMaxLength(100);
        b.HasIndex(e => new { e.TenantId, e.SessionId });
        b.HasIndex(e => new { e.TenantId, e.PersonId });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Session>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
