using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// The center's forms. Each is checked whole — antiforgery, the right offered, every value — before anything is
/// submitted, then goes to <see cref="IPrivacyRequestService"/> or the consent ledger like the JSON endpoints, and
/// answers with a redirect to the history (post/redirect/get). A problem re-shows the form, as typed, with the message
/// in the visitor's language and a 4xx status.
/// </summary>
internal static class CenterActions
{
    private const int ReasonLength = 2000;

    public static async Task<IResult> SendAsync(HttpContext context, string slug)
    {
        if (CenterView.Find(slug) is not { } view)
        {
            return EndpointSupport.NotFound($"The privacy center has no view '{slug}'.");
        }

        if (!context.Request.HasFormContentType)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Not a form", detail: "The privacy center's views take HTML form posts (application/x-www-form-urlencoded). Scripts use the JSON endpoints under /privacy/me.");
        }

        IFormCollection form;
        try
        {
            form = await EndpointSupport.ReadFormAsync(context).ConfigureAwait(false);
        }
        catch (EndpointSupport.BodyException ex)
        {
            return Results.Problem(statusCode: ex.Status, title: "Body too large", detail: ex.Message);
        }

        var page = new CenterPage(context, view);
        if (!await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return await RefuseAsync(page, form, StatusCodes.Status400BadRequest, page.T("Error.Form")).ConfigureAwait(false);
        }

        if (!view.IsFor(page.Subject is not null))
        {
            return await RefuseAsync(page, form, page.Subject is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, page.T("Error.NotSignedIn")).ConfigureAwait(false);
        }

        if (view.Kind is { } offered && !page.Offers(offered))
        {
            return await RefuseAsync(page, form, StatusCodes.Status403Forbidden, page.T("Error.NotOffered", page.Controller.Controller)).ConfigureAwait(false);
        }

        try
        {
            return view.Slug switch
            {
                "consents" => await ConsentsAsync(page, form).ConfigureAwait(false),
                "access" or "portability" => await SubmitAsync(page, new PrivacyRequestSubmission(view.Kind!.Value, page.Subject!) { Reason = Reason(form) }).ConfigureAwait(false),
                "rectification" => await RectifyAsync(page, form).ConfigureAwait(false),
                "erasure" => form["confirm"] != "yes"
                    ? await RefuseAsync(page, form, StatusCodes.Status400BadRequest, page.T("Error.Confirm")).ConfigureAwait(false)
                    : await SubmitAsync(page, new PrivacyRequestSubmission(PrivacyRequestKind.Erasure, page.Subject!) { Reason = Reason(form) }).ConfigureAwait(false),
                "restriction" => await RestrictAsync(page, form).ConfigureAwait(false),
                "objection" => await ObjectAsync(page, form).ConfigureAwait(false),
                "review" => string.IsNullOrWhiteSpace(form["decision"])
                    ? await RefuseAsync(page, form, StatusCodes.Status400BadRequest, page.T("Error.NoDecision")).ConfigureAwait(false)
                    : await SubmitAsync(page, new PrivacyRequestSubmission(PrivacyRequestKind.AutomatedDecisionReview, page.Subject!) { DecisionReference = form["decision"].ToString().Trim(), Reason = Reason(form) }).ConfigureAwait(false),
                _ => Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "No form here", detail: $"The '{view.Slug}' view has no form to send."),
            };
        }
        catch (PrivacyException ex)
        {
            return await RefuseAsync(page, form, ex is PrivacyConcurrencyException ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest, page.T("Error.Refused", ex.Message)).ConfigureAwait(false);
        }
    }

    private static async Task<IResult> SubmitAsync(CenterPage page, PrivacyRequestSubmission submission)
    {
        await page.Context.RequestServices.GetRequiredService<IPrivacyRequestService>().SubmitAsync(submission, page.Context.RequestAborted).ConfigureAwait(false);
        return SeeOther(page, CenterView.Requests, "submitted");
    }

    /// <summary>Records each choice that changed; an unknown purpose or value refuses the whole form before any is recorded.</summary>
    private static async Task<IResult> ConsentsAsync(CenterPage page, IFormCollection form)
    {
        var subject = VisitorSubjects.ChooserOf(page.Context);
        var privacy = page.Context.RequestServices.GetRequiredService<IOptions<PrivacyOptions>>().Value;
        var current = await SelfServiceHandlers.ConsentViewsAsync(page.Context, subject, privacy).ConfigureAwait(false);
        var changes = new List<(string Purpose, bool Granted)>();
        foreach (var (key, value) in form.Where(f => f.Key.StartsWith("p.", StringComparison.Ordinal)))
        {
            var purpose = key[2..];
            if (current.FirstOrDefault(c => c.Purpose == purpose) is not { } choice || value.ToString() is not ("yes" or "no"))
            {
                return await RefuseAsync(page, form, StatusCodes.Status400BadRequest, page.T("Error.Unknown")).ConfigureAwait(false);
            }

            if (choice.Allowed != (value == "yes"))
            {
                changes.Add((purpose, value == "yes"));
            }
        }

        foreach (var (purpose, granted) in changes)
        {
            await SelfServiceHandlers.RecordChoiceAsync(page.Context, subject, purpose, granted).ConfigureAwait(false);
        }

        return SeeOther(page, CenterView.Consents, "saved");
    }

    /// <summary>Only the values the person changed become corrections; each must fit its member's type, and a reason is needed.</summary>
    private static async Task<IResult> RectifyAsync(CenterPage page, IFormCollection form)
    {
        var corrections = new List<MemberCorrection>();
        foreach (var field in await CenterData.FieldsAsync(page.Context, page.Subject!).ConfigureAwait(false))
        {
            if (!form.TryGetValue(field.Name, out var posted))
            {
                continue;
            }

            var typed = posted.ToString().Trim();
            var original = form["o." + field.Type.Name + "." + field.Member.Path].ToString();
            if (typed == original)
            {
                continue;
            }

            var value = typed.Length == 0 ? null : typed;
            if (!TextValues.Fits(value, field.Member.MemberType))
            {
                return await RefuseAsync(page, With(form, "invalid", field.Name), StatusCodes.Status400BadRequest, page.T("Error.WrongType", typed, field.Label, CenterTypes.Describe(field.Member.MemberType, page))).ConfigureAwait(false);
            }

            corrections.Add(new MemberCorrection(field.Type.Name, field.Member.Path, value));
        }

        if (corrections.Count == 0)
        {
            return await RefuseAsync(page, form, StatusCodes.Status400BadRequest, page.T("Error.NoCorrection")).ConfigureAwait(false);
        }

        if (Reason(form) is not { } reason)
        {
            return await RefuseAsync(page, form, StatusCodes.Status400BadRequest, page.T("Error.NoReason")).ConfigureAwait(false);
        }

        return await SubmitAsync(page, new PrivacyRequestSubmission(PrivacyRequestKind.Rectification, page.Subject!) { Corrections = corrections, Reason = reason }).ConfigureAwait(false);
    }

    private static async Task<IResult> RestrictAsync(CenterPage page, IFormCollection form)
    {
        var kind = form["action"].ToString() switch
        {
            "restrict" => PrivacyRequestKind.Restriction,
            "lift" => PrivacyRequestKind.LiftRestriction,
            _ => (PrivacyRequestKind?)null,
        };
        if (kind is null)
        {
            return await RefuseAsync(page, form, StatusCodes.Status400BadRequest, page.T("Error.Unknown")).ConfigureAwait(false);
        }

        return page.Offers(kind.Value)
            ? await SubmitAsync(page, new PrivacyRequestSubmission(kind.Value, page.Subject!) { Reason = Reason(form) }).ConfigureAwait(false)
            : await RefuseAsync(page, form, StatusCodes.Status403Forbidden, page.T("Error.NotOffered", page.Controller.Controller)).ConfigureAwait(false);
    }

    private static async Task<IResult> ObjectAsync(CenterPage page, IFormCollection form)
    {
        var purpose = form["purpose"].ToString();
        return page.Objectable().Any(a => a.Purpose == purpose)
            ? await SubmitAsync(page, new PrivacyRequestSubmission(PrivacyRequestKind.Objection, page.Subject!) { Purpose = purpose, Reason = Reason(form) }).ConfigureAwait(false)
            : await RefuseAsync(page, form, StatusCodes.Status400BadRequest, page.T("Error.Unknown")).ConfigureAwait(false);
    }

    private static async Task<IResult> RefuseAsync(CenterPage page, IFormCollection form, int status, string error)
    {
        var shown = await CenterPages.RenderAsync(page, form).ConfigureAwait(false);
        return page.Document(shown ?? status, error: error);
    }

    private static IResult SeeOther(CenterPage page, CenterView view, string done)
    {
        page.Context.Response.Headers.Location = page.Routes.View(view.Slug, page.Culture) + "&done=" + done;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static string? Reason(IFormCollection form) =>
        form["reason"].ToString().Trim() is { Length: > 0 } reason ? reason.Length <= ReasonLength ? reason : reason[..ReasonLength] : null;

    private static FormCollection With(IFormCollection form, string key, string value) =>
        new(form.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal).Append(new KeyValuePair<string, StringValues>(key, value)).ToDictionary(StringComparer.Ordinal));
}
