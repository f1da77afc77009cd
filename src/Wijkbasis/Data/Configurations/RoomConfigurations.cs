using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbasis.Features.Rooms;

namespace Wijkbasis.Data.Configurations;

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> b)
    {
        b.Property(r => r.Name).HasMaxLength(Room.NameMax);
        b.Property(r => r.Description).HasMaxLength(Room.DescriptionMax);
        // A set of flags: stored as its number so every combination fits.
        b.Property(r => r.Facilities).HasConversion<int>();
        b.HasIndex(r => new { r.TenantId, r.Name });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Rooms_Rates", "\"SocialRateCents\" >= 0 AND \"EntrepreneurRateCents\" >= 0 AND \"CommercialRateCents\" >= 0");
            t.HasCheckConstraint("CK_Rooms_Capacity", $"\"Capacity\" BETWEEN 1 AND {Room.CapacityMax}");
        });
    }
}

internal sealed class RoomBookingConfiguration : IEntityTypeConfiguration<RoomBooking>
{
    public void Configure(EntityTypeBuilder<RoomBooking> b)
    {
        b.Property(x => x.Title).HasMaxLength(RoomBooking.TitleMax);
        b.Property(x => x.PublicTitle).HasMaxLength(RoomBooking.TitleMax);
        b.Property(x => x.Party).HasMaxLength(RoomBooking.PartyMax);
        b.Property(x => x.CreatedByName).HasMaxLength(100);
        b.Property(x => x.CancelledByName).HasMaxLength(100);
        b.Property(x => x.CancelReason).HasMaxLength(RoomBooking.ReasonMax);
        b.Ignore(x => x.IsCancelled);
        b.Ignore(x => x.FeedTitle);
        // The overlap triggers look up a room's active rows by time.
        b.HasIndex(x => new { x.RoomId, x.StartsAt });
        b.HasIndex(x => new { x.TenantId, x.StartsAt });
        b.HasIndex(x => x.SeriesId);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Room).WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BookingRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_RoomBookings_Period", "\"EndsAt\" > \"StartsAt\"");
            t.HasCheckConstraint("CK_RoomBookings_Price", "\"PriceCents\" >= 0");
        });
    }
}

internal sealed class BookingRequestConfiguration : IEntityTypeConfiguration<BookingRequest>
{
    public void Configure(EntityTypeBuilder<BookingRequest> b)
    {
        b.Property(x => x.Organisation).HasMaxLength(BookingRequest.OrganisationMax);
        b.Property(x => x.Purpose).HasMaxLength(BookingRequest.PurposeMax);
        b.Property(x => x.Message).HasMaxLength(BookingRequest.MessageMax);
        b.Property(x => x.ContactName).HasMaxLength(BookingRequest.NameMax);
        b.Property(x => x.ContactEmail).HasMaxLength(BookingRequest.EmailMax);
        b.Property(x => x.ContactPhone).HasMaxLength(BookingRequest.PhoneMax);
        b.Property(x => x.DecidedByName).HasMaxLength(100);
        b.Property(x => x.DeclineReason).HasMaxLength(BookingRequest.ReasonMax);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.Status, x.ReceivedAt });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Room).WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("CK_BookingRequests_Period", "\"EndsAt\" > \"StartsAt\""));
    }
}
