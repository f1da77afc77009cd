using Wijkbasis.Data;

namespace Wijkbasis.Features.Import;

/// <summary>What a spreadsheet holds: the register, activities with their sessions, or past attendance.</summary>
public enum ImportKind
{
    People,
    Sessions,
    Attendance,
}

public enum ImportStatus
{
    /// <summary>Uploaded; the columns are (being) mapped and the dry run shown.</summary>
    Open,
    /// <summary>The commit was asked for and waits for the background work.</summary>
    Queued,
    /// <summary>The background work is committing it.</summary>
    Running,
    Committed,
    Abandoned,
}

/// <summary>What the user chose for a row that is probably someone already in the register.</summary>
public enum DuplicateChoice
{
    /// <summary>Leave the row out.</summary>
    Skip,
    /// <summary>Fill the existing person's empty fields from the row.</summary>
    Merge,
    /// <summary>It is someone else: add them.</summary>
    New,
}

/// <summary>One uploaded spreadsheet, from upload to commit (docs/decisions/0030). The file itself is kept in
/// <see cref="Content"/> only until the import is committed or abandoned, then emptied.</summary>
public sealed class ImportJob : ITenantOwned
{
    public const int FileNameMax = 200;
    /// <summary>The largest file taken (a year of a big enterprise's attendance is well under this).</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public ImportKind Kind { get; set; }
    public required string FileName { get; set; }
    public bool IsXlsx { get; set; }
    /// <summary>The uploaded file; null once committed or abandoned.</summary>
    public byte[]? Content { get; set; }
    /// <summary>Field → column head, as JSON (<see cref="ColumnMapping"/>).</summary>
    public string? Mapping { get; set; }
    /// <summary>Row number → choice for the duplicates, as JSON; set when the commit is asked for.</summary>
    public string? Choices { get; set; }
    public ImportStatus Status { get; set; }
    public int Rows { get; set; }
    public int Added { get; set; }
    public int Merged { get; set; }
    public int Skipped { get; set; }
    /// <summary>Why the last commit wrote nothing (the register changed since the dry run), in Dutch.</summary>
    public string? Problem { get; set; }
    /// <summary>Which run claimed the commit (queued → running); the commit only counts when its claim is still this one.</summary>
    public Guid? ClaimId { get; set; }
    /// <summary>Until when the claim holds. A running import whose claim has run out (its process stopped) is claimed
    /// again by the next run that looks (docs/decisions/0030).</summary>
    public DateTime? ClaimedUntil { get; set; }
    public Guid? ByUserId { get; set; }
    public required string ByName { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

/// <summary>The column mapping last used for a kind of import, per enterprise: the next file of the same shape is
/// mapped already.</summary>
public sealed class ImportMapping : ITenantOwned
{
    public Guid TenantId { get; set; }
    public ImportKind Kind { get; set; }
    public required string Mapping { get; set; }
    public DateTime UpdatedAt { get; set; }
}
