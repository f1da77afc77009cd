using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Time;

namespace Wijkbasis.Features.Admin;

/// <summary>The verifier: recomputes the audit chain. Shows counts and the head only, never audit contents.
/// It does not seal first: a check must not repair what it checks.</summary>
public sealed class AuditChainCheckModel(WijkbasisDb db, AuditChainKey key, AuditCheckpoints checkpoints, IOptions<AuditOptions> options,
    TimeProvider time) : PageModel
{
    public AuditChain.Verification? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken cancellationToken) =>
        Result = await AuditChain.VerifyAsync(db, key.Key, time.UtcNow(), options.Value.LateRowLimit, checkpoints, cancellationToken);
}
