using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Wijkbasis.Infrastructure.Audit;

/// <summary>NEN 7513 wants refused looks logged too. A request that is forbidden inside an enterprise
/// is written to that enterprise's audit log before the usual 403 handling.</summary>
public sealed class AuditForbiddenResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var audit = context.RequestServices.GetRequiredService<AuditLog>();
            await audit.RecordAttemptAsync("Page", context.Request.Path, ActionOf(context.Request.Method), "denied");
        }
        await inner.HandleAsync(next, context, policy, authorizeResult);
    }

    internal static string ActionOf(string method) => HttpMethods.IsGet(method) ? AuditActions.View : AuditActions.Update;
}

/// <summary>On pages about one record (a person, a session), an id that is not found in this enterprise
/// (another enterprise's record, or a guess) is logged as a failed attempt.</summary>
public sealed class AuditNotFoundRecords(string entityType) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is NotFoundResult && context.RouteData.Values.TryGetValue("id", out var id) && id is not null)
        {
            var audit = context.HttpContext.RequestServices.GetRequiredService<AuditLog>();
            await audit.RecordAttemptAsync(entityType, id.ToString()!, AuditForbiddenResults.ActionOf(context.HttpContext.Request.Method),
                "not-found");
        }
    }
}
