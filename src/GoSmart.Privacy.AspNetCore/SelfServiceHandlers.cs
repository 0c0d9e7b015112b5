using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static GoSmart.Privacy.AspNetCore.EndpointSupport;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>The self-service endpoints: a signed-in subject acts on its own subject only — the subject comes from the user, never from the URL.</summary>
internal static class SelfServiceHandlers
{
    public static Task<IResult> SubmitAsync(HttpContext context, IPrivacyRequestService requests) => Guard(async () =>
    {
        if (Subject(context) is not { } subject)
        {
            return NoSubject();
        }

        var body = await ReadBodyAsync<SubmitRequestBody>(context).ConfigureAwait(false);
        if (!Options(context).OffersRight(subject.TenantId, body.Kind))
        {
            return NotOffered(subject.TenantId, body.Kind);
        }

        var request = await requests.SubmitAsync(new PrivacyRequestSubmission(body.Kind, subject) { Reason = body.Reason, Purpose = body.Purpose, Corrections = body.Corrections ?? [], DecisionReference = body.DecisionReference }, context.RequestAborted).ConfigureAwait(false);
        return Results.Json(View(context, request, Now(context)), PrivacyEndpoints.Json, statusCode: StatusCodes.Status202Accepted);
    });

    public static Task<IResult> ListAsync(HttpContext context, IPrivacyRequestService requests) => Guard(async () =>
    {
        if (Subject(context) is not { } subject)
        {
            return NoSubject();
        }

        var now = Now(context);
        return Json((await OwnRequestsAsync(context, requests, subject).ConfigureAwait(false)).Select(r => View(context, r, now)).ToList());
    });

    public static Task<IResult> GetAsync(HttpContext context, Guid id, IPrivacyRequestService requests) => Guard(async () =>
    {
        var (request, denied) = await OwnRequestAsync(context, id, requests).ConfigureAwait(false);
        return denied ?? Json(View(context, request!, Now(context)));
    });

    public static Task<IResult> DownloadAsync(HttpContext context, Guid id, string? format, IPrivacyRequestService requests) => Guard(async () =>
    {
        var (request, denied) = await OwnRequestAsync(context, id, requests).ConfigureAwait(false);
        if (denied is not null)
        {
            return denied;
        }

        var packageFormat = PackageFormat(format, request!.Kind); // a bad format is a 400 before anything is written
        if (!CanDownload(request!, Now(context), Options(context)))
        {
            return Forbidden(request!.Kind is PrivacyRequestKind.Access or PrivacyRequestKind.Portability
                ? $"The package of request {id} cannot be downloaded: it is {request.Status} (a package is available once the identity is verified, and for a limited time after completion)."
                : $"Request {id} is a {request.Kind} request; only access and portability requests have a package.");
        }

        return await WritePackageAsync(context, requests, id, packageFormat).ConfigureAwait(false);
    });

    public static Task<IResult> ConsentsAsync(HttpContext context, IOptions<PrivacyOptions> privacy) => Guard(async () =>
        Subject(context) is { } subject ? Json(await ConsentViewsAsync(context, subject, privacy.Value).ConfigureAwait(false)) : NoSubject());

    public static Task<IResult> ChangeConsentAsync(HttpContext context, string purpose) => Guard(async () =>
        Subject(context) is { } subject ? await ChangeAsync(context, subject, purpose).ConfigureAwait(false) : NoSubject());

    /// <summary>A visitor who is not signed in: their device subject's choices, and whether their browser sends Global Privacy Control now.</summary>
    public static Task<IResult> VisitorConsentsAsync(HttpContext context, IOptions<PrivacyOptions> privacy) => Guard(async () =>
    {
        var visitor = VisitorSubjects.Visitor(context) ?? VisitorSubjects.Create(context); // the visitor endpoints are the device subject's even when signed in
        return Json(new { globalPrivacyControl = GlobalPrivacyControlExtensions.Signals(context), purposes = await ConsentViewsAsync(context, visitor, privacy.Value).ConfigureAwait(false) });
    });

    /// <summary>A visitor who is not signed in changes a choice; it is kept with their device subject and carried over when they sign in.</summary>
    public static Task<IResult> ChangeVisitorConsentAsync(HttpContext context, string purpose) => Guard(async () =>
        await ChangeAsync(context, VisitorSubjects.Visitor(context) ?? VisitorSubjects.Create(context), purpose).ConfigureAwait(false));

    internal static async Task<List<ConsentView>> ConsentViewsAsync(HttpContext context, SubjectRef subject, PrivacyOptions privacy)
    {
        var consent = Consent(context);
        var views = new List<ConsentView>();
        foreach (var purpose in privacy.Consent.PurposesOf(subject.TenantId))
        {
            views.Add(new ConsentView(purpose.Key, purpose.Description, purpose.LegalBasis, await consent.HasConsentAsync(subject, purpose.Key, context.RequestAborted).ConfigureAwait(false)));
        }

        return views;
    }

    private static async Task<IResult> ChangeAsync(HttpContext context, SubjectRef subject, string purpose)
    {
        var body = await ReadBodyAsync<ConsentChangeBody>(context).ConfigureAwait(false);
        var recorded = await RecordChoiceAsync(context, subject, purpose, body.Granted).ConfigureAwait(false);
        return Json(new { recorded.Id, recorded.Purpose, recorded.Decision, recorded.NoticeVersion, recorded.At });
    }

    /// <summary>Records a choice made on a page — the endpoint's or the privacy center's — with the page, address and browser as evidence.</summary>
    internal static async Task<ConsentEvent> RecordChoiceAsync(HttpContext context, SubjectRef subject, string purpose, bool granted)
    {
        var consent = Consent(context);
        var source = "privacy-center " + context.Request.Path;
        return granted
            ? await consent.GrantAsync(new ConsentGrant(subject, purpose, ConsentMethod.Form, source)
            {
                Evidence = ConsentEvidence.For(context.Request.Headers.Referer.ToString() is { Length: > 0 } page ? page : null, context.Connection.RemoteIpAddress, context.Request.Headers.UserAgent.ToString()),
            }, context.RequestAborted).ConfigureAwait(false)
            : await consent.WithdrawAsync(subject, purpose, ConsentMethod.Form, source, context.RequestAborted).ConfigureAwait(false);
    }

    public static Task<IResult> HistoryAsync(HttpContext context) => Guard(async () =>
    {
        if (Subject(context) is not { } subject)
        {
            return NoSubject();
        }

        var history = new List<object>();
        await foreach (var e in Consent(context).HistoryAsync(subject, context.RequestAborted).ConfigureAwait(false))
        {
            history.Add(new { e.Id, e.Purpose, e.Decision, e.NoticeVersion, e.At, e.Method, e.Source, e.ExpiresAt });
        }

        return Json(history);
    });

    internal static SubjectRef? Subject(HttpContext context) => Options(context).SubjectOf(context.User);

    private static async Task<(PrivacyRequest? Request, IResult? Denied)> OwnRequestAsync(HttpContext context, Guid id, IPrivacyRequestService requests)
    {
        if (Subject(context) is not { } subject)
        {
            return (null, NoSubject());
        }

        var request = await requests.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (request is null)
        {
            return (null, NotFound($"There is no request {id}."));
        }

        return request.Subject == subject ? (request, null) : (null, Forbidden($"Request {id} is not yours."));
    }

    private static IConsentService Consent(HttpContext context) =>
        context.RequestServices.GetService<IConsentService>() ?? throw new PrivacyException("The consent ledger is not registered. Call AddConsentLedger() on the privacy builder.");

    internal static IResult NotOffered(string tenant, PrivacyRequestKind kind) =>
        Forbidden($"Tenant '{tenant}' does not take {kind} requests here (PrivacyEndpointOptions.OffersRight). Ask the controller directly, by the contact in its privacy notice (GET /privacy/notice).");

    internal static IResult NoSubject() => Forbidden("The signed-in user is not a data subject this service knows (no tenant or subject claim).");
}
