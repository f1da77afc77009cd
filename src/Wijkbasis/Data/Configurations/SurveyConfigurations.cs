using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbasis.Features.People;
using Wijkbasis.Features.Surveys;

namespace Wijkbasis.Data.Configurations;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.Property(s => s.TitleNl).HasMaxLength(Survey.TitleMax);
        b.Property(s => s.TitleEn).HasMaxLength(Survey.TitleMax);
        b.HasIndex(s => new { s.TenantId, s.CreatedAt });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> b)
    {
        b.Property(q => q.TextNl).HasMaxLength(SurveyQuestion.TextMax);
        b.Property(q => q.TextEn).HasMaxLength(SurveyQuestion.TextMax);
        b.Property(q => q.ChoicesNl).HasMaxLength(SurveyQuestion.ChoicesMax);
        b.Property(q => q.ChoicesEn).HasMaxLength(SurveyQuestion.ChoicesMax);
        b.HasIndex(q => new { q.TenantId, q.SurveyId, q.Position });
        b.HasOne<Survey>().WithMany().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.Property(r => r.Round).HasMaxLength(SurveyResponse.RoundMax);
        b.Property(r => r.ByName).HasMaxLength(100);
        b.HasIndex(r => new { r.TenantId, r.Instrument, r.SurveyId, r.TakenOn });
        b.HasIndex(r => new { r.TenantId, r.PersonId });
        // One answer per link use: a second response through the same link is refused by the database too.
        b.HasIndex(r => r.LinkId).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SurveyLink>().WithMany().HasForeignKey(r => r.LinkId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyLinkConfiguration : IEntityTypeConfiguration<SurveyLink>
{
    public void Configure(EntityTypeBuilder<SurveyLink> b)
    {
        b.Property(l => l.TokenHash).HasMaxLength(64);
        b.Property(l => l.Round).HasMaxLength(SurveyResponse.RoundMax);
        b.Property(l => l.ByName).HasMaxLength(100);
        b.HasIndex(l => l.TokenHash).IsUnique();
        b.HasIndex(l => new { l.TenantId, l.CreatedAt });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(l => l.TenantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Survey>().WithMany().HasForeignKey(l => l.SurveyId).OnDelete(DeleteBehavior.Restrict);
    }
}
