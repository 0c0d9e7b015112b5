using System.Globalization;
using System.Net.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static GoSmart.Privacy.AspNetCore.EndpointSupport;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// The public request form (Art. 12(6)): a request from someone without an account waits until they follow the link
/// e-mailed to the address they gave; only then does it reach a handler. A finished copy of their data is sent as a
/// link too. The answer never says whether the address is known.
/// </summary>
internal static class PublicIntakeHandlers
{
    public static Task<IResult> SubmitAsync(HttpContext context, IPrivacyRequestService requests, IPrivacyMailer mailer, IntakeLinks links, IOptions<PublicIntakeOptions> options) => Guard(async () =>
    {
        var o = options.Value;
        var culture = PrivacyTexts.CultureOf(context);
        var body = context.Request.HasFormContentType ? await ReadPublicFormAsync(context).ConfigureAwait(false) : await ReadBodyAsync<PublicRequestBody>(context).ConfigureAwait(false);
        var email = Address(body.Email);
        var right = Choice(body.Right, o.Rights, "right", "the right you are exercising");
        var kind = body.SubjectKind is null ? o.SubjectKinds[0] : Choice(body.SubjectKind, o.SubjectKinds, "subjectKind", "who you are to us");
        var tenant = o.TenantOf(context);
        if (!Options(context).OffersRight(tenant, right))
        {
            // Refused before any e-mail: the controller takes this right another way, and the page says whom to write to.
            var controller = context.RequestServices.GetService<PrivacyRecordsCache>()?.ControllerOf(tenant).Controller ?? tenant;
            return IntakePages.Answer(context, StatusCodes.Status403Forbidden, PrivacyTexts.Get("Center.ErrorTitle", culture), PrivacyTexts.Get("Error.NotOffered", culture, controller));
        }

        var now = Now(context);
        var submission = new PrivacyRequestSubmission(right, new SubjectRef(tenant, email, kind))
        {
            Channel = RequestChannel.WebForm,
            Evidence = $"Public request form, {now.ToString("u", CultureInfo.InvariantCulture)}" + (string.IsNullOrWhiteSpace(body.Name) ? string.Empty : $"; name given: {Trim(body.Name, 200)}"),
            Reason = string.IsNullOrWhiteSpace(body.Details) ? null : Trim(body.Details, 2000),
            Purpose = string.IsNullOrWhiteSpace(body.Purpose) ? null : body.Purpose,
        };
        // The same request again (a double click, a flood) returns the open one: it gets no second link.
        var open = false;
        await foreach (var r in requests.ListAsync(new PrivacyRequestQuery { TenantId = submission.Subject.TenantId, SubjectId = email, Kind = right, Status = PrivacyRequestStatus.AwaitingIdentityVerification }, context.RequestAborted).ConfigureAwait(false))
        {
            open |= r.Subject.Kind == kind && r.Purpose == submission.Purpose;
        }

        var request = await requests.SubmitAsync(submission, context.RequestAborted).ConfigureAwait(false);
        if (request.Status == PrivacyRequestStatus.AwaitingIdentityVerification && !open)
        {
            var expires = now + o.LinkLifetime;
            var link = Link(context, o, "verify", links.Seal(IntakeLinks.Use.Verify, request.Id, expires), culture);
            await mailer.SendAsync(new PrivacyMail(email, PrivacyTexts.Get("VerifySubject", culture), PrivacyTexts.Get("VerifyMail", culture, o.SenderName, PrivacyTexts.Right(request.Kind, culture), PrivacyTexts.Moment(expires, culture), link), link), context.RequestAborted).ConfigureAwait(false);
        }

        // A page for a browser's plain form post (no JavaScript needed), JSON for a script.
        return IntakePages.Answer(context, StatusCodes.Status202Accepted, PrivacyTexts.Get("ReceivedTitle", culture), PrivacyTexts.Get("Accepted", culture));
    });

    /// <summary>The link's page: a button that confirms. Opening the link changes nothing, so a mail scanner that follows it confirms nothing; a link already used says so.</summary>
    public static async Task<IResult> ConfirmPage(HttpContext context, string? token, IPrivacyRequestService requests, IntakeLinks links)
    {
        if (await WaitingAsync(context, requests, links, token).ConfigureAwait(false) is { Answer: { } refused })
        {
            return refused;
        }

        var culture = PrivacyTexts.CultureOf(context);
        return IntakePages.Answer(context, StatusCodes.Status200OK, PrivacyTexts.Get("ConfirmTitle", culture), PrivacyTexts.Get("ConfirmText", culture), token);
    }

    public static async Task<IResult> ConfirmAsync(HttpContext context, IPrivacyRequestService requests, IPrivacyMailer mailer, IntakeLinks links, IOptions<PublicIntakeOptions> options)
    {
        var token = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false))["token"].ToString() : context.Request.Query["token"].ToString();
        var (requestId, refused) = await WaitingAsync(context, requests, links, token).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        var culture = PrivacyTexts.CultureOf(context);
        var started = await requests.ConfirmIdentityAsync(requestId, context.RequestAborted).ConfigureAwait(false);
        var o = options.Value;
        if (started.Kind is PrivacyRequestKind.Access or PrivacyRequestKind.Portability)
        {
            var expires = Now(context) + o.DownloadLifetime;
            var link = Link(context, o, "package", links.Seal(IntakeLinks.Use.Download, started.Id, expires), culture);
            await mailer.SendAsync(new PrivacyMail(started.Subject.SubjectId, PrivacyTexts.Get("DownloadSubject", culture), PrivacyTexts.Get("DownloadMail", culture, o.SenderName, PrivacyTexts.Moment(expires, culture), link), link), context.RequestAborted).ConfigureAwait(false);
        }

        var confirmed = PrivacyTexts.Get("ConfirmedText", culture, PrivacyTexts.Status(started.Status, culture), PrivacyTexts.Day(started.DueAt, culture));
        return IntakePages.Answer(context, StatusCodes.Status200OK, PrivacyTexts.Get("ConfirmedTitle", culture), started.Kind is PrivacyRequestKind.Access or PrivacyRequestKind.Portability ? confirmed + " " + PrivacyTexts.Get("ConfirmedCopy", culture) : confirmed);
    }

    public static async Task<IResult> DownloadAsync(HttpContext context, string? token, IPrivacyRequestService requests, IntakeLinks links)
    {
        if (Refused(context, links, IntakeLinks.Use.Download, token, out var requestId) is { } refused)
        {
            return refused;
        }

        var request = await requests.GetAsync(requestId, context.RequestAborted).ConfigureAwait(false);
        if (request is null || request.Status is not (PrivacyRequestStatus.InProgress or PrivacyRequestStatus.Completed))
        {
            var culture = PrivacyTexts.CultureOf(context);
            return IntakePages.Answer(context, StatusCodes.Status404NotFound, PrivacyTexts.Get("GoneTitle", culture), PrivacyTexts.Get("GoneText", culture));
        }

        return await WritePackageAsync(context, requests, request.Id, AccessPackageFormat.Zip).ConfigureAwait(false);
    }

    /// <summary>The request a verify link confirms, when it still waits for it; otherwise the page that says why not (bad, expired, gone or used).</summary>
    private static async Task<(Guid RequestId, IResult? Answer)> WaitingAsync(HttpContext context, IPrivacyRequestService requests, IntakeLinks links, string? token)
    {
        if (Refused(context, links, IntakeLinks.Use.Verify, token, out var requestId) is { } refused)
        {
            return (requestId, refused);
        }

        var culture = PrivacyTexts.CultureOf(context);
        var request = await requests.GetAsync(requestId, context.RequestAborted).ConfigureAwait(false);
        if (request is null)
        {
            return (requestId, IntakePages.Answer(context, StatusCodes.Status404NotFound, PrivacyTexts.Get("GoneTitle", culture), PrivacyTexts.Get("GoneText", culture)));
        }

        return request.Status != PrivacyRequestStatus.AwaitingIdentityVerification
            ? (requestId, IntakePages.Answer(context, StatusCodes.Status409Conflict, PrivacyTexts.Get("UsedTitle", culture), PrivacyTexts.Get("UsedText", culture, PrivacyTexts.Status(request.Status, culture))))
            : (requestId, null);
    }

    /// <summary>The answer for a link that does not open or has expired; <see langword="null"/> for a good one, whose request is then in <paramref name="requestId"/>.</summary>
    private static IResult? Refused(HttpContext context, IntakeLinks links, IntakeLinks.Use use, string? token, out Guid requestId)
    {
        var culture = PrivacyTexts.CultureOf(context);
        var opened = links.Open(use, token);
        requestId = opened?.RequestId ?? Guid.Empty;
        if (opened is null)
        {
            return IntakePages.Answer(context, StatusCodes.Status400BadRequest, PrivacyTexts.Get("InvalidTitle", culture), PrivacyTexts.Get("InvalidText", culture));
        }

        return Now(context) > opened.Value.ExpiresAt
            ? IntakePages.Answer(context, StatusCodes.Status410Gone, PrivacyTexts.Get("ExpiredTitle", culture), PrivacyTexts.Get("ExpiredText", culture, PrivacyTexts.Moment(opened.Value.ExpiresAt, culture)))
            : null;
    }

    private static Uri Link(HttpContext context, PublicIntakeOptions options, string action, string token, System.Globalization.CultureInfo culture)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var group = context.Request.PathBase + path[..path.LastIndexOf('/')];
        var origin = options.PublicBaseUrl?.GetLeftPart(UriPartial.Authority) ?? $"{context.Request.Scheme}://{context.Request.Host}";
        return new Uri($"{origin}{group}/{action}?token={token}&lang={culture.TwoLetterISOLanguageName}");
    }

    private static async Task<PublicRequestBody> ReadPublicFormAsync(HttpContext context)
    {
        var form = await ReadFormAsync(context).ConfigureAwait(false);
        string? Field(string name) => form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;
        return new PublicRequestBody(Field("email"), Field("right"), Field("name"), Field("subjectKind"), Field("details"), Field("purpose"));
    }

    private static string Address(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 254 || !MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new BodyException(StatusCodes.Status400BadRequest, "The e-mail address is missing or not an address, e.g. ada@example.com. The link that confirms the request is sent there.");
        }

        return address.Address.ToLowerInvariant();
    }

    private static T Choice<T>(string? value, IList<T> offered, string field, string what)
        where T : struct, Enum
    {
        if (value is not null && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _) && offered.Contains(parsed))
        {
            return parsed;
        }

        throw new BodyException(StatusCodes.Status400BadRequest, $"'{field}' must say {what}: one of {string.Join(", ", offered.Select(o => JsonName(o.ToString())))}{(value is null ? string.Empty : $"; '{value}' is not offered here")}.");
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Trim(string text, int max) => text.Length <= max ? text.Trim() : text[..max].Trim();

}
