using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static GoSmart.Privacy.AspNetCore.EndpointSupport;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// Tenant administration: a customer's administrator opens and follows requests for the tenant's Subscribers (Go
/// Smart acting as processor), and sees overdue ones. Only for the tenant the user administers.
/// </summary>
internal static class AdminHandlers
{
    public static Task<IResult> SubmitAsync(HttpContext context, string tenantId, IPrivacyRequestService requests) => Guard(async () =>
    {
        if (Denied(context, tenantId) is { } denied)
        {
            return denied;
        }

        var body = await ReadBodyAsync<AdminRequestBody>(context).ConfigureAwait(false);
        var subject = new SubjectRef(tenantId, body.SubjectId, DataSubjectKind.Subscriber);
        var request = await requests.SubmitAsync(new PrivacyRequestSubmission(body.Kind, subject) { Reason = body.Reason, Purpose = body.Purpose }, context.RequestAborted).ConfigureAwait(false);
        return Json(View(context, request, Now(context)), StatusCodes.Status202Accepted);
    });

    /// <summary>Records a request that arrived by e-mail, letter, telephone or in person, with its evidence; it waits for the administrator to confirm the requester (confirm-identity).</summary>
    public static Task<IResult> IntakeAsync(HttpContext context, string tenantId, IPrivacyRequestService requests) => Guard(async () =>
    {
        if (Denied(context, tenantId) is { } denied)
        {
            return denied;
        }

        var body = await ReadBodyAsync<IntakeBody>(context).ConfigureAwait(false);
        if (body.Channel is RequestChannel.SelfService or RequestChannel.WebForm)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid privacy request", detail: $"A request recorded by hand arrived by email, letter, phone or inPerson; '{body.Channel}' requests come in through the self-service and public endpoints.");
        }

        var submission = new PrivacyRequestSubmission(body.Kind, new SubjectRef(tenantId, body.SubjectId, body.SubjectKind))
        {
            Channel = body.Channel,
            Evidence = body.Evidence,
            ReceivedAt = body.ReceivedAt,
            Reason = body.Reason,
            Purpose = body.Purpose,
        };
        var request = await requests.SubmitAsync(submission, context.RequestAborted).ConfigureAwait(false);
        return Json(View(context, request, Now(context)), StatusCodes.Status202Accepted);
    });

    public static Task<IResult> ListAsync(HttpContext context, string tenantId, bool? overdue, IPrivacyRequestService requests) => Guard(async () =>
    {
        if (Denied(context, tenantId) is { } denied)
        {
            return denied;
        }

        var now = Now(context);
        var views = new List<RequestView>();
        await foreach (var request in requests.ListAsync(new PrivacyRequestQuery { TenantId = tenantId, OverdueAt = overdue == true ? now : null }, context.RequestAborted).ConfigureAwait(false))
        {
            views.Add(View(context, request, now));
        }

        return Json(views);
    });

    public static Task<IResult> ConfirmAsync(HttpContext context, string tenantId, Guid id, IPrivacyRequestService requests) => Guard(async () =>
    {
        if (await DeniedForRequestAsync(context, tenantId, id, requests).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }

        return Json(View(context, await requests.ConfirmIdentityAsync(id, context.RequestAborted).ConfigureAwait(false), Now(context)));
    });

    public static Task<IResult> RejectAsync(HttpContext context, string tenantId, Guid id, IPrivacyRequestService requests) => Guard(async () =>
    {
        if (await DeniedForRequestAsync(context, tenantId, id, requests).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }

        var body = await ReadBodyAsync<RejectBody>(context).ConfigureAwait(false);
        return Json(View(context, await requests.RejectAsync(id, body.Reason, context.RequestAborted).ConfigureAwait(false), Now(context)));
    });

    internal static IResult? Denied(HttpContext context, string tenantId) =>
        string.Equals(Options(context).AdministeredTenantOf(context.User), tenantId, StringComparison.Ordinal) ? null : Forbidden($"You do not administer tenant '{tenantId}'.");

    private static async Task<IResult?> DeniedForRequestAsync(HttpContext context, string tenantId, Guid id, IPrivacyRequestService requests)
    {
        if (Denied(context, tenantId) is { } denied)
        {
            return denied;
        }

        var request = await requests.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        return request is null || request.Subject.TenantId != tenantId ? NotFound($"Tenant '{tenantId}' has no request {id}.") : null;
    }

    /// <summary>Why a request is rejected.</summary>
    internal sealed record RejectBody(string Reason);
}
