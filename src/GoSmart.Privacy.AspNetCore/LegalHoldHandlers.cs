using Microsoft.AspNetCore.Http;
using static GoSmart.Privacy.AspNetCore.EndpointSupport;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// A tenant administrator's legal holds: place one on a subject, a category or a handler area of the tenant (or on
/// the whole tenant), list them, release them. The same authorisation as the other admin endpoints; holds placed
/// for every tenant are listed but only released through <see cref="ILegalHolds"/>.
/// </summary>
internal static class LegalHoldHandlers
{
    public static Task<IResult> PlaceAsync(HttpContext context, string tenantId, ILegalHolds holds) => Guard(async () =>
    {
        if (AdminHandlers.Denied(context, tenantId) is { } denied)
        {
            return denied;
        }

        var body = await ReadBodyAsync<LegalHoldBody>(context).ConfigureAwait(false);
        if (body.Scope == LegalHoldScope.Tenant && !string.Equals(body.Target, tenantId, StringComparison.Ordinal))
        {
            return Forbidden($"A tenant hold placed here holds tenant '{tenantId}' itself: set target to '{tenantId}'.");
        }

        var hold = await holds.PlaceAsync(new LegalHoldPlacement(body.Scope, body.Target, body.Reason, Actor(context)) { TenantId = tenantId, Reference = body.Reference }, context.RequestAborted).ConfigureAwait(false);
        return Json(hold, StatusCodes.Status201Created);
    });

    public static Task<IResult> ListAsync(HttpContext context, string tenantId, bool? includeReleased, ILegalHolds holds) => Guard(async () =>
    {
        if (AdminHandlers.Denied(context, tenantId) is { } denied)
        {
            return denied;
        }

        return Json(await holds.ListAsync(tenantId, includeReleased == true, context.RequestAborted).ConfigureAwait(false));
    });

    public static Task<IResult> ReleaseAsync(HttpContext context, string tenantId, Guid id, ILegalHolds holds) => Guard(async () =>
    {
        if (AdminHandlers.Denied(context, tenantId) is { } denied)
        {
            return denied;
        }

        var hold = await holds.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (hold is null || !string.Equals(hold.TenantId, tenantId, StringComparison.Ordinal))
        {
            return NotFound($"Tenant '{tenantId}' has no legal hold {id} of its own.");
        }

        var release = await holds.ReleaseAsync(id, Actor(context), context.RequestAborted).ConfigureAwait(false);
        return Json(release);
    });

    private static string Actor(HttpContext context) =>
        context.User.Identity?.Name ?? context.User.FindFirst("sub")?.Value ?? "unknown administrator";
}
