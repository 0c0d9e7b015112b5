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
    private const string Accepted = "Thank you. If the address is right, an e-mail with a link is on its way: follow it to confirm the request is yours. Nothing happens until you do.";

    public static Task<IResult> SubmitAsync(HttpContext context, IPrivacyRequestService requests, IPrivacyMailer mailer, IntakeLinks links, IOptions<PublicIntakeOptions> options) => Guard(async () =>
    {
        var o = options.Value;
        var body = context.Request.HasFormContentType ? await ReadFormAsync(context).ConfigureAwait(false) : await ReadBodyAsync<PublicRequestBody>(context).ConfigureAwait(false);
        var email = Address(body.Email);
        var right = Choice(body.Right, o.Rights, "right", "the right you are exercising");
        var kind = body.SubjectKind is null ? o.SubjectKinds[0] : Choice(body.SubjectKind, o.SubjectKinds, "subjectKind", "who you are to us");
        var now = Now(context);
        var submission = new PrivacyRequestSubmission(right, new SubjectRef(o.TenantOf(context), email, kind))
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
            var link = Link(context, o, "verify", links.Seal(IntakeLinks.Use.Verify, request.Id, expires));
            await mailer.SendAsync(new PrivacyMail(email, "Confirm your privacy request", $"""
                Someone — we hope you — asked {o.SenderName} to act on the personal data linked to this address: {Words(request.Kind)}.

                To confirm it is you, open this link before {expires.ToString("u", CultureInfo.InvariantCulture)}:
                {link}

                If you did not ask, ignore this message: nothing happens without your confirmation.
                """, link), context.RequestAborted).ConfigureAwait(false);
        }

        return Results.Json(new { message = Accepted }, statusCode: StatusCodes.Status202Accepted);
    });

    /// <summary>The link's page: a button that confirms. Opening the link changes nothing, so a mail scanner that follows it confirms nothing.</summary>
    public static IResult ConfirmPage(HttpContext context, string? token, IntakeLinks links)
    {
        if (Expired(context, links, token) is { } refused)
        {
            return refused;
        }

        return IntakePages.Answer(context, StatusCodes.Status200OK, "Confirm your privacy request", "Press the button to confirm that the request sent from this address is yours. We then start on it, and answer by the date the law sets.", token);
    }

    public static async Task<IResult> ConfirmAsync(HttpContext context, IPrivacyRequestService requests, IPrivacyMailer mailer, IntakeLinks links, IOptions<PublicIntakeOptions> options)
    {
        var token = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false))["token"].ToString() : context.Request.Query["token"].ToString();
        if (Expired(context, links, token) is { } refused)
        {
            return refused;
        }

        var requestId = links.Open(IntakeLinks.Use.Verify, token)!.Value.RequestId;
        var request = await requests.GetAsync(requestId, context.RequestAborted).ConfigureAwait(false);
        if (request is null)
        {
            return IntakePages.Answer(context, StatusCodes.Status404NotFound, "Request not found", "This request no longer exists. Submit it again from the privacy page.");
        }

        if (request.Status != PrivacyRequestStatus.AwaitingIdentityVerification)
        {
            return IntakePages.Answer(context, StatusCodes.Status409Conflict, "Link already used", $"This link was already used: the request is {Words(request.Status)}. There is nothing more to confirm.");
        }

        var started = await requests.ConfirmIdentityAsync(requestId, context.RequestAborted).ConfigureAwait(false);
        var o = options.Value;
        if (started.Kind is PrivacyRequestKind.Access or PrivacyRequestKind.Portability)
        {
            var expires = Now(context) + o.DownloadLifetime;
            var link = Link(context, o, "package", links.Seal(IntakeLinks.Use.Download, started.Id, expires));
            await mailer.SendAsync(new PrivacyMail(started.Subject.SubjectId, "Your copy of your personal data", $"""
                You confirmed your request, and {o.SenderName} prepared your copy of the personal data we hold about you.

                Download it before {expires.ToString("u", CultureInfo.InvariantCulture)}:
                {link}
                """, link), context.RequestAborted).ConfigureAwait(false);
        }

        return IntakePages.Answer(context, StatusCodes.Status200OK, "Request confirmed", $"Thank you: your request is confirmed and {Words(started.Status)}. We answer by {started.DueAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} at the latest"
            + (started.Kind is PrivacyRequestKind.Access or PrivacyRequestKind.Portability ? "; the link to your copy is in a second e-mail." : "."));
    }

    public static async Task<IResult> DownloadAsync(HttpContext context, string? token, IPrivacyRequestService requests, IntakeLinks links)
    {
        var opened = links.Open(IntakeLinks.Use.Download, token);
        if (opened is null)
        {
            return IntakePages.Answer(context, StatusCodes.Status400BadRequest, "Link not valid", "This link is not one we sent, or it was changed. Use the link in the e-mail exactly as it is.");
        }

        if (Now(context) > opened.Value.ExpiresAt)
        {
            return IntakePages.Answer(context, StatusCodes.Status410Gone, "Link expired", $"This link expired on {opened.Value.ExpiresAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. Ask again from the privacy page for a new copy.");
        }

        var request = await requests.GetAsync(opened.Value.RequestId, context.RequestAborted).ConfigureAwait(false);
        if (request is null || request.Status is not (PrivacyRequestStatus.InProgress or PrivacyRequestStatus.Completed))
        {
            return IntakePages.Answer(context, StatusCodes.Status404NotFound, "Copy not available", "This copy is no longer available. Ask again from the privacy page.");
        }

        return await WritePackageAsync(context, requests, request.Id, zip: true).ConfigureAwait(false);
    }

    /// <summary>The answer for a link that does not open or has expired; <see langword="null"/> for a good one.</summary>
    private static IResult? Expired(HttpContext context, IntakeLinks links, string? token)
    {
        var opened = links.Open(IntakeLinks.Use.Verify, token);
        if (opened is null)
        {
            return IntakePages.Answer(context, StatusCodes.Status400BadRequest, "Link not valid", "This link is not one we sent, or it was changed. Use the link in the e-mail exactly as it is, or submit the request again.");
        }

        return Now(context) > opened.Value.ExpiresAt
            ? IntakePages.Answer(context, StatusCodes.Status410Gone, "Link expired", $"This link expired on {opened.Value.ExpiresAt.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)}, before it was used. Submit the request again: a new link will be sent.")
            : null;
    }

    private static Uri Link(HttpContext context, PublicIntakeOptions options, string action, string token)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var group = context.Request.PathBase + path[..path.LastIndexOf('/')];
        var origin = options.PublicBaseUrl?.GetLeftPart(UriPartial.Authority) ?? $"{context.Request.Scheme}://{context.Request.Host}";
        return new Uri($"{origin}{group}/{action}?token={token}");
    }

    private static async Task<PublicRequestBody> ReadFormAsync(HttpContext context)
    {
        if (context.Request.ContentLength > Options(context).MaxRequestBodyBytes)
        {
            throw new BodyException(StatusCodes.Status413PayloadTooLarge, $"The form has {context.Request.ContentLength} bytes; at most {Options(context).MaxRequestBodyBytes} are accepted.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
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

    /// <summary>An enum value in lower-case words: <c>CompletedWithExemptions</c> → "completed with exemptions".</summary>
    private static string Words<T>(T value)
        where T : struct, Enum => string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
