using Microsoft.AspNetCore.Mvc.RazorPages;
using Wijkbasis.Data;
using Wijkbasis.Infrastructure.Audit;

namespace Wijkbasis.Features.Admin;

/// <summary>The verifier: recomputes the audit chain. Shows counts only, never audit contents.</summary>
public sealed class AuditChainCheckModel(WijkbasisDb db) : PageModel
{
    public AuditChain.Verification? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        await AuditChain.SealAsync(db, cancellationToken: cancellationToken);
        Result = await AuditChain.VerifyAsync(db, cancellationToken);
    }
}
