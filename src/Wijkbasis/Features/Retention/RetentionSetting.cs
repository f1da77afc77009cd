using Wijkbasis.Data;

namespace Wijkbasis.Features.Retention;

/// <summary>An enterprise's own term for one kind of record, when it differs from the default in
/// <see cref="RetentionKinds"/> (docs/decisions/0024). No row means the default.</summary>
public sealed class RetentionSetting : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public RetentionKind Kind { get; set; }
    /// <summary>In the kind's unit (<see cref="RetentionKindInfo.Unit"/>): days or months.</summary>
    public int Term { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedByName { get; set; }

    Guid? IAudited.SubjectPersonId => null;
}
