using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Admin;

/// <summary>The verifier: recomputes the audit chain. Shows counts and the head only, never audit contents.
/// It does not seal first: a check must not repair what it checks. Checks against the sealer's own checkpoint file, or
/// against a checkpoint the administrator exported earlier (<c>audit-checkpoint export</c>) and uploads here
/// (docs/decisions/0018): that one was kept where the database administrator cannot write.</summary>
[RequestSizeLimit(MaxBytes + (64 * 1024))]
public sealed class AuditChainCheckModel(WijkbasisDb db, AuditChainKey key, AuditCheckpoints checkpoints, IOptions<AuditOptions> options,
    TimeProvider time) : PageModel
{
    /// <summary>A checkpoint is one line of about 200 characters.</summary>
    public const int MaxBytes = 4 * 1024;

    public AuditChain.Verification? Result { get; private set; }

    /// <summary>The uploaded checkpoint the result was checked against; null when checked against the sealer's file.</summary>
    public AuditCheckpoint? Against { get; private set; }

    [BindProperty] public IFormFile? Checkpoint { get; set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken cancellationToken) =>
        Result = await AuditChain.VerifyAsync(db, key.Key, time.UtcNow(), options.Value.LateRowLimit, checkpoints, cancellationToken);

    /// <summary>Checks the chain against an exported checkpoint. A file that is not a checkpoint signed with this chain key
    /// is refused with a message, never read as "no checkpoint".</summary>
    public async Task<IActionResult> OnPostExportedAsync(CancellationToken cancellationToken)
    {
        if (Checkpoint is null || Checkpoint.Length == 0)
        {
            return this.Refuse(new Refusal("Kies het bestand met het controlepunt."), nameof(Checkpoint));
        }
        if (Checkpoint.Length > MaxBytes)
        {
            return this.Refuse(new Refusal("Dit bestand is te groot voor een controlepunt: dat is één regel tekst."), nameof(Checkpoint));
        }
        string text;
        using (var reader = new StreamReader(Checkpoint.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: false)))
        {
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        try
        {
            Against = AuditCheckpoint.Parse(text, key.Key);
        }
        catch (InvalidDataException)
        {
            return this.Refuse(new Refusal(
                "Dit bestand is geen geldig controlepunt van deze Wijkbasis: het is gewijzigd, met een andere sleutel gemaakt of geen controlepunt. De keten is niet gecontroleerd."),
                nameof(Checkpoint));
        }
        Result = await AuditChain.VerifyAsync(db, key.Key, time.UtcNow(), options.Value.LateRowLimit, Against, cancellationToken);
        return Page();
    }
}
