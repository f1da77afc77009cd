using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.Localization;
using Wijkbasis.Features.Activities;
using Wijkbasis.Features.Shared;
using Wijkbasis.Infrastructure.Audit;
using Wijkbasis.Infrastructure.Tenancy;

namespace Wijkbasis.Features.Logbook;

/// <summary>The live check-in at the door (issue 14): the page's script posts the check-in form to the page's own address
/// (<c>POST /{enterprise}/sessies/{id}?handler=CheckIn</c>) with the header <see cref="SessionModel.LiveHeader"/> and
/// <c>Accept: application/json</c>, and this minimal endpoint answers it instead of the Razor Page: no page model with its four bound forms, no page
/// filters, no TempData, no re-rendered page. Everything that guards a write is the same: the same address and so the
/// same enterprise (TenantMiddleware) and login, the logbook policy, the antiforgery token, the rules and the insert
/// with its audit row (<see cref="CheckIns"/>, shared with the page), and the same audit rows for a refused look.
/// A post without those headers (no script, or a client that wants the page's HTML parts) goes to the page as before.
///
/// Answers, as JSON for the script: 200 with the message; 409 for a repeat and 400 for a rule that says no, with the
/// message; both with the address of the page's changed parts (<c>?handler=Live</c>) for the script to fetch. 400
/// without JSON for a missing or wrong antiforgery token, 404 for a session not of this enterprise, 403 for a user who
/// does not keep this logbook: the script then posts the form the ordinary way and the page answers.</summary>
public static class LiveCheckIn
{
    /// <summary>The page handler this endpoint answers for, live.</summary>
    public const string Handler = "CheckIn";

    public sealed record Answer(string Message, bool Refused, string? Refresh);

    /// <summary>Marks the endpoint for <see cref="Selector"/>.</summary>
    public sealed class Marker;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/{enterprise}/sessies/{id:guid}", HandleAsync)
            .RequireAuthorization(LogbookArea.Logbook)
            .WithMetadata(new Marker())
            .WithDisplayName("Live check-in");

    /// <summary>Whether a request is a live check-in, which this endpoint answers instead of the page.</summary>
    public static bool IsLive(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && string.Equals(request.Query["handler"], Handler, StringComparison.OrdinalIgnoreCase)
        && request.Headers[SessionModel.LiveHeader] == "1"
        && request.Headers.Accept.ToString().Contains(Json, StringComparison.OrdinalIgnoreCase);

    private const string Json = "application/json";

    private static async Task<IResult> HandleAsync(HttpContext context, Guid id, CheckIns checkIns, IAntiforgery antiforgery,
        AuditLog audit, IStringLocalizer<SharedResource> localizer, LinkGenerator links)
    {
        var cancellationToken = context.RequestAborted;
        // As Razor Pages does for every post, before anything else.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var readable = Guid.TryParse(form["PersonId"], out var personId);

        if (await checkIns.FindAsync(id, personId, cancellationToken) is not { } door)
        {
            // What AuditNotFoundRecords writes for the page.
            await audit.RecordAttemptAsync(nameof(Session), id.ToString(), AuditActions.Update, "not-found");
            return Results.NotFound();
        }
        if (!checkIns.MayKeep(door.Session, door.ActivityHost))
        {
            await audit.RecordAttemptAsync(nameof(Session), id.ToString(), AuditActions.Update, "denied");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        var outcome = checkIns.RefuseWrite(door.Session) is { } closed ? new CheckIns.Outcome(closed, false)
            : !readable ? new CheckIns.Outcome(new Refusal("Deze persoon staat niet in het register."), false)
            : await checkIns.CheckInAsync(door.Session, door.Person, cancellationToken);

        var refresh = links.GetPathByPage(context, "/Logbook/Session", "Live",
            new { enterprise = context.GetRouteValue(TenantMiddleware.RouteKey), id });
        if (outcome.Refusal is { } refusal)
        {
            return Results.Json(new Answer(LocalText.Render(localizer, refusal.Encode()), true, refresh),
                statusCode: outcome.Repeat ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }
        return Results.Json(new Answer(LocalText.Render(localizer, LocalText.Encode("{0} is aangemeld.", door.Person!.Name)), false, refresh));
    }

    /// <summary>Routes a live check-in to this endpoint and everything else at the same address to the page.</summary>
    public sealed class Selector : MatcherPolicy, IEndpointSelectorPolicy
    {
        public override int Order => 0;

        public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => endpoints.Any(e => e.Metadata.GetMetadata<Marker>() is not null);

        public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
        {
            var live = IsLive(httpContext.Request);
            for (var i = 0; i < candidates.Count; i++)
            {
                if (candidates.IsValidCandidate(i) && (candidates[i].Endpoint.Metadata.GetMetadata<Marker>() is not null) != live)
                {
                    candidates.SetValidity(i, false);
                }
            }
            return Task.CompletedTask;
        }
    }
}
