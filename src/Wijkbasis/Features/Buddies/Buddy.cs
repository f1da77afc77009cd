using Wijkbasis.Data;

namespace Wijkbasis.Features.Buddies;

/// <summary>Light help goes to a volunteer, student or lived-experience buddy; heavy help to a professional.</summary>
public enum BuddyKind
{
    Volunteer,
    Student,
    LivedExperience,
    Professional,
}

/// <summary>Someone in the buddy pool. A buddy logs in (membership with the Buddy role) to accept residents,
/// keep the contact log and spend from the pot.</summary>
public sealed class Buddy : ITenantOwned, IAudited
{
    public const int NameMax = 100;
    public const int OrganisationMax = 100;
    public const int TagsMax = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    public BuddyKind Kind { get; set; }
    /// <summary>For a professional: e.g. "Sociaal wijkteam Delfshaven".</summary>
    public string? Organisation { get; set; }
    /// <summary>Lower-case tags separated by ';' (see <see cref="Tags"/>).</summary>
    public string Skills { get; set; } = "";
    public string Languages { get; set; } = "";
    /// <summary>Which parts of which days (see <see cref="Availability"/>).</summary>
    public int Availability { get; set; }
    public int MaxResidents { get; set; } = 2;
    public string? Postcode { get; set; }
    public DateOnly? VogIssuedOn { get; set; }
    public DateOnly? VogExpiresOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }

    public bool IsProfessional => Kind == BuddyKind.Professional;

    /// <summary>A volunteer, student or lived-experience buddy needs a valid VOG to be matched; a professional is
    /// screened by their employer.</summary>
    public bool HasValidVog(DateOnly today) => IsProfessional || Volunteers.Vog.IsValidOn(VogExpiresOn, today);

    Guid? IAudited.SubjectPersonId => null;

    public static string Label(BuddyKind kind) => kind switch
    {
        BuddyKind.Volunteer => "Vrijwilliger",
        BuddyKind.Student => "Student",
        BuddyKind.LivedExperience => "Ervaringsdeskundige",
        _ => "Professional",
    };
}

/// <summary>Tags as stored: lower-case, trimmed, unique, joined with ';'.</summary>
public static class Tags
{
    public static string Normalize(string? text) => string.Join(';', Split(text));

    public static IReadOnlyList<string> Split(string? text) => (text ?? "")
        .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(t => t.ToLowerInvariant())
        .Distinct(StringComparer.Ordinal)
        .ToList();

    public static string Display(string stored) => string.Join(", ", Split(stored));
}

/// <summary>Morning, afternoon and evening of seven days, as 21 bits (Monday morning is bit 0).</summary>
public static class Availability
{
    public static readonly string[] Parts = ["ochtend", "middag", "avond"];
    public static readonly DayOfWeek[] Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
    public const int All = (1 << 21) - 1;

    public static int Bit(DayOfWeek day, int part) => 1 << (Array.IndexOf(Days, day) * 3 + part);

    public static int Overlap(int a, int b) => System.Numerics.BitOperations.PopCount((uint)(a & b & All));

    public static string Display(int mask)
    {
        var names = new[] { "ma", "di", "wo", "do", "vr", "za", "zo" };
        var parts = new List<string>();
        for (var d = 0; d < 7; d++)
        {
            var chosen = Enumerable.Range(0, 3).Where(p => (mask & (1 << (d * 3 + p))) != 0).Select(p => Parts[p]).ToList();
            if (chosen.Count > 0)
            {
                parts.Add($"{names[d]} {string.Join("/", chosen)}");
            }
        }
        return parts.Count == 0 ? "niet opgegeven" : string.Join(", ", parts);
    }
}
