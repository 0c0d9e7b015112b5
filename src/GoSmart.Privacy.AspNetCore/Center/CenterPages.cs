using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// The center's views, written on the server: everything a person reads is in the HTML, so the page works without
/// JavaScript, and every form posts back to its view (<see cref="CenterActions"/>).
/// </summary>
internal static class CenterPages
{
    private static readonly string DefaultAutomatedDecisionMaking = new PrivacyDisclosure().AutomatedDecisionMaking;

    /// <summary>Shows a view: 404 for none, the overview for a view that is not for this visitor.</summary>
    public static async Task<IResult> ShowAsync(HttpContext context, string slug)
    {
        if (CenterView.Find(slug) is not { } view)
        {
            return EndpointSupport.NotFound($"The privacy center has no view '{slug}'. Views: {string.Join(", ", CenterView.All.Select(v => v.Slug))}.");
        }

        var page = new CenterPage(context, view);
        var message = context.Request.Query["done"].ToString() switch
        {
            "submitted" => page.T("Center.Submitted"),
            "saved" => page.T("Center.Saved"),
            _ => null,
        };
        try
        {
            return await RenderAsync(page, form: null).ConfigureAwait(false) is { } status ? page.Document(status, message: message) : page.Document(message: message);
        }
        catch (PrivacyException ex)
        {
            // The host's setup cannot serve this view (e.g. no consent ledger): say so on the page, not with a bare 500.
            return new CenterPage(context, view).Document(StatusCodes.Status503ServiceUnavailable, error: page.T("Error.Refused", ex.Message));
        }
    }

    /// <summary>Writes the view's content into <paramref name="page"/>; a form that came back with an error keeps what was typed. Returns a status other than 200, if any.</summary>
    public static async Task<int?> RenderAsync(CenterPage page, IFormCollection? form)
    {
        if (!page.View.IsFor(page.Subject is not null))
        {
            page.Element("p", page.T(page.Subject is null ? "Error.NotSignedIn" : "Center.SignedInAs", page.Context.User.Identity?.Name ?? string.Empty), "class=\"pc-card\"");
            if (page.Subject is null && page.Options.SignInUrl is not null)
            {
                page.Raw("<p><a href=\"").Text(page.Options.SignInUrl).Raw("\">").Text(page.T("Center.SignIn")).Raw("</a></p>");
            }

            return page.Subject is null ? StatusCodes.Status401Unauthorized : null;
        }

        if (page.View.Kind is { } kind && !page.Offers(kind))
        {
            page.Element("p", page.T("Error.NotOffered", page.Controller.Controller), "class=\"pc-card\"");
            return null;
        }

        switch (page.View.Slug)
        {
            case "overview": Overview(page); break;
            case "notice": Notice(page); break;
            case "access": await PackagesAsync(page, PrivacyRequestKind.Access, form).ConfigureAwait(false); break;
            case "portability": await PackagesAsync(page, PrivacyRequestKind.Portability, form).ConfigureAwait(false); break;
            case "rectification": await RectificationAsync(page, form).ConfigureAwait(false); break;
            case "erasure": Erasure(page, form); break;
            case "restriction": await RestrictionAsync(page, form).ConfigureAwait(false); break;
            case "objection": await ObjectionAsync(page, form).ConfigureAwait(false); break;
            case "review": Review(page, form); break;
            case "consents": await ConsentsAsync(page).ConfigureAwait(false); break;
            case "requests": await CenterHistory.WriteAsync(page).ConfigureAwait(false); break;
            case "ask": Ask(page); break;
        }

        return null;
    }

    private static void Overview(CenterPage page)
    {
        page.Raw("<ul class=\"pc-rights\">");
        foreach (var view in CenterView.All.Where(v => v != CenterView.Overview && v.IsFor(page.Subject is not null)))
        {
            page.Raw("<li><h2><a href=\"").Text(page.Routes.View(view.Slug, page.Culture)).Raw("\">").Text(page.T("View." + view.Slug)).Raw("</a></h2>")
                .Element("p", page.T("Intro." + view.Slug)).Raw("</li>");
        }

        page.Raw("</ul>");
    }

    /// <summary>The right to be informed (Art. 13/14): the controller's notice, from the records of processing.</summary>
    private static void Notice(CenterPage page)
    {
        var c = page.Controller;
        page.Raw("<div class=\"pc-card\"><p>").Text(page.T("Center.Responsible", c.Controller) + ".");
        if (c.Processor is not null)
        {
            page.Text(" " + page.T("Center.ProcessorFor", c.Processor));
        }

        page.Raw("</p>");
        if (c.DataProtectionOfficer is not null)
        {
            page.Raw("<p>").Text(page.T("Notice.Dpo") + ": " + c.DataProtectionOfficer).Raw("</p>");
        }

        if (c.PolicyUrl is not null)
        {
            page.Raw("<p><a href=\"").Text(c.PolicyUrl.ToString()).Raw("\">").Text(page.T("Notice.Policy")).Raw("</a></p>");
        }

        page.Raw("</div>");
        foreach (var activity in c.Activities)
        {
            page.Raw("<section aria-labelledby=\"purpose-").Text(activity.Purpose).Raw("\">").Element("h2", activity.Description, $"id=\"purpose-{CenterPage.H(activity.Purpose)}\"").Raw("<dl>")
                .Element("dt", page.T("Notice.Basis")).Element("dd", page.T("Basis." + activity.LegalBasis))
                .Element("dt", page.T("Notice.Categories")).Raw("<dd>").List(activity.DataCategories.Select(c => PrivacyTexts.Category(c, page.Culture)).Distinct(StringComparer.Ordinal)).Raw("</dd>");
            if (activity.SpecialCategories.Count > 0)
            {
                page.Element("dt", page.T("Notice.Special")).Raw("<dd>").List(activity.SpecialCategories.Select(s => PrivacyTexts.Special(s, page.Culture))).Raw("</dd>");
            }

            page.Element("dt", page.T("Notice.Recipients")).Raw("<dd>").List(activity.Recipients).Raw("</dd>")
                .Element("dt", page.T("Notice.Transfers")).Raw("<dd>").List(activity.Transfers.Select(Records.RecordsWords.Transfer)).Raw("</dd>")
                .Element("dt", page.T("Notice.Retention")).Raw("<dd>").List(activity.Retention.Select(r => r.Scope + ": " + r.Period)).Raw("</dd>")
                .Raw("</dl>").Element("p", page.T("Notice.Version", activity.NoticeVersion), "class=\"pc-hint\"").Raw("</section>");
        }

        if (c.Retention.Count > 0)
        {
            page.Element("h2", page.T("Notice.Retention")).List(c.Retention.Select(r => r.Scope + ": " + r.Period));
        }

        if (c.Sources.Count > 0)
        {
            page.Element("h2", page.T("Notice.Sources")).List(c.Sources);
        }

        // The SDK's default statement is the SDK's words, so it is said in the visitor's language; a host's own is shown as written.
        page.Element("h2", page.T("Notice.Automated")).Element("p", c.AutomatedDecisionMaking == DefaultAutomatedDecisionMaking ? page.T("Notice.NoAutomated") : c.AutomatedDecisionMaking);
    }

    /// <summary>Access (Art. 15) and portability (Art. 20): ask, then read or download each ready copy.</summary>
    private static async Task PackagesAsync(CenterPage page, PrivacyRequestKind kind, IFormCollection? form)
    {
        page.FormStart(kind == PrivacyRequestKind.Access ? "access-form" : "portability-form")
            .Field("reason", "reason", page.T("Center.Reason"), form?["reason"], multiline: true)
            .Button(page.T("Button." + (kind == PrivacyRequestKind.Access ? "access" : "portability")), id: "send").Raw("</form>");
        var requests = (await CenterData.RequestsAsync(page.Context, page.Subject!).ConfigureAwait(false)).Where(r => r.Kind == kind).ToList();
        await CenterHistory.TableAsync(page, requests).ConfigureAwait(false);
    }

    /// <summary>Rectification (Art. 16): the subject's own correctable members, filled with their values now, and why.</summary>
    private static async Task RectificationAsync(CenterPage page, IFormCollection? form)
    {
        var fields = await CenterData.FieldsAsync(page.Context, page.Subject!).ConfigureAwait(false);
        if (fields.Count == 0)
        {
            page.Element("p", page.T("Rectification.None"), "class=\"pc-card\"");
            return;
        }

        page.Element("p", page.T(fields.Any(f => f.Known) ? "Rectification.Prefilled" : "Rectification.NoCopy"), "class=\"pc-hint\"");
        var invalid = form?["invalid"].ToString();
        page.FormStart("rectification-form");
        var index = 0;
        foreach (var group in fields.GroupBy(f => f.Type))
        {
            page.Raw("<fieldset>").Element("legend", Export.RecordHtml.Words(group.Key.Name));
            foreach (var field in group)
            {
                index++;
                var posted = form?[field.Name];
                page.Raw($"<input type=\"hidden\" name=\"o.{CenterPage.H(field.Type.Name)}.{CenterPage.H(field.Member.Path)}\" value=\"{CenterPage.H(field.Current)}\">")
                    .Field($"field-{index}", field.Name, Export.RecordHtml.Words(field.Member.ExportName), posted is { Count: > 0 } typed ? typed.ToString() : field.Current,
                        hint: field.Member.MemberType == typeof(string) ? null : page.T("Rectification.Hint", CenterTypes.Describe(field.Member.MemberType, page)), invalid: invalid == field.Name);
            }

            page.Raw("</fieldset>");
        }

        page.Field("reason", "reason", page.T("Center.ReasonRequired"), form?["reason"], multiline: true, required: true)
            .Button(page.T("Button.rectification"), id: "send").Raw("</form>");
    }

    /// <summary>Erasure (Art. 17): what it will erase, change and keep — and why — before the person confirms.</summary>
    private static void Erasure(CenterPage page, IFormCollection? form)
    {
        var preview = page.Records.Preview;
        foreach (var area in preview.Areas)
        {
            page.Raw("<section class=\"pc-card\">").Element("h2", Export.RecordHtml.Words(area.Area)).Raw("<dl>");
            if (area.Erased.Count > 0)
            {
                page.Element("dt", page.T("Erasure.Erased")).Raw("<dd>").List(area.Erased).Raw("</dd>");
            }

            if (area.Changed.Count > 0)
            {
                page.Element("dt", page.T("Erasure.Changed")).Raw("<dd>").List(area.Changed).Raw("</dd>");
            }

            if (area.Kept.Count > 0)
            {
                page.Element("dt", page.T("Erasure.Kept")).Raw("<dd>").List(area.Kept.Select(k => k.Data + " — " + page.T("Exemption." + k.Exemption))).Raw("</dd>");
            }

            page.Raw("</dl></section>");
        }

        if (preview.Elsewhere.Count > 0)
        {
            page.Element("h2", page.T("Erasure.Elsewhere")).List(preview.Elsewhere.Select(e => CenterPage.Area(e.Area)));
        }

        if (preview.NotReached.Count > 0)
        {
            page.Element("h2", page.T("Erasure.NotReached")).List(preview.NotReached.Select(CenterPage.Area));
        }

        var invalid = form is not null && form["confirm"].Count == 0;
        page.FormStart("erasure-form").Field("reason", "reason", page.T("Center.Reason"), form?["reason"], multiline: true)
            .Raw($"<div class=\"pc-check\"><input type=\"checkbox\" id=\"confirm\" name=\"confirm\" value=\"yes\" required{(invalid ? " aria-invalid=\"true\"" : string.Empty)}><label for=\"confirm\">").Text(page.T("Erasure.Confirm")).Raw("</label></div>")
            .Button(page.T("Button.erasure"), id: "send").Raw("</form>");
    }

    /// <summary>Restriction (Art. 18): where it stands, and the one button that changes it.</summary>
    private static async Task RestrictionAsync(CenterPage page, IFormCollection? form)
    {
        var since = CenterData.RestrictedSince(await CenterData.RequestsAsync(page.Context, page.Subject!).ConfigureAwait(false));
        page.Element("p", since is { } on ? page.T("Restriction.On", PrivacyTexts.Day(on, page.Culture)) : page.T("Restriction.Off"), "class=\"pc-card\" id=\"restriction-state\"");
        page.FormStart("restriction-form").Field("reason", "reason", page.T("Center.Reason"), form?["reason"], multiline: true);
        if (since is null || !page.Offers(PrivacyRequestKind.LiftRestriction))
        {
            page.Button(page.T("Button.restriction"), "action", "restrict", "send");
        }
        else
        {
            page.Button(page.T("Button.liftRestriction"), "action", "lift", "send");
        }

        page.Raw("</form>");
    }

    /// <summary>Objection (Art. 21): each use that rests on legitimate interests or a public task, with its own button.</summary>
    private static async Task ObjectionAsync(CenterPage page, IFormCollection? form)
    {
        var purposes = page.Objectable();
        if (purposes.Count == 0)
        {
            page.Element("p", page.T("Objection.None"), "class=\"pc-card\"");
            return;
        }

        var objections = (await CenterData.RequestsAsync(page.Context, page.Subject!).ConfigureAwait(false)).Where(r => r.Kind == PrivacyRequestKind.Objection && r.Status != PrivacyRequestStatus.Rejected).ToList();
        foreach (var purpose in purposes)
        {
            page.Raw("<section class=\"pc-card\">").Element("h2", purpose.Description).Element("p", page.T("Consent.Basis", page.T("Basis." + purpose.LegalBasis)));
            if (objections.FirstOrDefault(o => o.Purpose == purpose.Purpose) is { } done)
            {
                page.Element("p", page.T("Objection.Done", PrivacyTexts.Day(done.ReceivedAt, page.Culture)), "class=\"pc-message\"");
            }
            else
            {
                var id = "objection-" + purpose.Purpose.Replace('.', '-');
                page.FormStart(id).Raw("<input type=\"hidden\" name=\"purpose\" value=\"").Text(purpose.Purpose).Raw("\">")
                    .Field(id + "-reason", "reason", page.T("Center.Reason"), form is not null && form["purpose"].ToString() == purpose.Purpose ? form["reason"].ToString() : null, multiline: true)
                    .Button(page.T("Button.objection")).Raw("</form>");
            }

            page.Raw("</section>");
        }
    }

    /// <summary>Art. 22(3): a person reviews an automated decision and hears the subject's point of view.</summary>
    private static void Review(CenterPage page, IFormCollection? form)
    {
        using var scope = page.Context.RequestServices.CreateScope();
        if (GoSmart.Privacy.Requests.Engine.RegisteredHandlers.Of<IAutomatedDecisionReviewer>(scope.ServiceProvider).Count == 0)
        {
            page.Element("p", page.T("Review.None"), "class=\"pc-card\"");
            return;
        }

        page.FormStart("review-form")
            .Field("decision", "decision", page.T("Review.Decision"), form?["decision"], required: true, invalid: form is not null && string.IsNullOrWhiteSpace(form["decision"]))
            .Field("point-of-view", "reason", page.T("Review.PointOfView"), form?["reason"], multiline: true)
            .Button(page.T("Button.review"), id: "send").Raw("</form>");
    }

    /// <summary>Consent (Art. 7(3)): each purpose with yes and no side by side — withdrawing is one click, like agreeing.</summary>
    private static async Task ConsentsAsync(CenterPage page)
    {
        page.Element("p", page.T(GlobalPrivacyControlExtensions.Signals(page.Context) ? "Consent.Gpc" : "Consent.NoGpc"), "class=\"pc-card\" id=\"gpc\"");
        if (page.Context.RequestServices.GetService<IConsentService>() is null)
        {
            page.Element("p", page.T("Consent.None")); // a service without a consent ledger asks for no consent
            return;
        }

        var subject = VisitorSubjects.ChooserOf(page.Context);
        var privacy = page.Context.RequestServices.GetRequiredService<IOptions<PrivacyOptions>>().Value;
        var choices = await SelfServiceHandlers.ConsentViewsAsync(page.Context, subject, privacy).ConfigureAwait(false);
        if (choices.Count == 0)
        {
            page.Element("p", page.T("Consent.None"));
            return;
        }

        page.FormStart("consents-form");
        var index = 0;
        foreach (var choice in choices)
        {
            index++;
            page.Raw($"<fieldset data-purpose=\"{CenterPage.H(choice.Purpose)}\">").Element("legend", choice.Description).Element("p", page.T("Consent.Basis", page.T("Basis." + choice.LegalBasis)), "class=\"pc-hint\"").Raw("<div class=\"pc-choices\">");
            foreach (var (value, text) in new[] { ("yes", page.T("Consent.Yes")), ("no", page.T("Consent.No")) })
            {
                var id = $"consent-{index}-{value}";
                var chosen = choice.Allowed == (value == "yes");
                page.Raw($"<div class=\"pc-check\"><input type=\"radio\" id=\"{id}\" name=\"p.{CenterPage.H(choice.Purpose)}\" value=\"{value}\"{(chosen ? " checked" : string.Empty)}><label for=\"{id}\">").Text(text).Raw("</label></div>");
            }

            page.Raw("</div></fieldset>");
        }

        page.Button(page.T("Button.consents"), id: "send").Raw("</form>");
    }

    /// <summary>For people without an account: the public form (Art. 12(6): the address is verified by an e-mailed link first).</summary>
    private static void Ask(CenterPage page)
    {
        if (page.Context.RequestServices.GetService<IOptions<PublicIntakeOptions>>()?.Value is not { } intake || page.Context.RequestServices.GetService<IntakeLinks>() is null)
        {
            page.Element("p", page.T("Ask.Off"), "class=\"pc-card\"");
            return;
        }

        page.Raw("<form method=\"post\" id=\"ask-form\" action=\"").Text(page.Routes.PublicRequests(page.Culture)).Raw("\">")
            .Field("ask-name", "name", page.T("Ask.Name"), autocomplete: "name")
            .Field("ask-email", "email", page.T("Ask.Email"), required: true, type: "email", autocomplete: "email")
            .Raw("<div class=\"pc-field\"><label for=\"ask-right\">").Text(page.T("Ask.Right")).Raw("</label><select id=\"ask-right\" name=\"right\">");
        foreach (var right in intake.Rights.Where(page.Offers))
        {
            var text = PrivacyTexts.Right(right, page.Culture);
            page.Raw($"<option value=\"{CenterPage.H(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(right.ToString()))}\">").Text(char.ToUpper(text[0], page.Culture) + text[1..]).Raw("</option>");
        }

        page.Raw("</select></div><div class=\"pc-field\"><label for=\"ask-kind\">").Text(page.T("Ask.Kind")).Raw("</label><select id=\"ask-kind\" name=\"subjectKind\">");
        foreach (var kind in intake.SubjectKinds)
        {
            page.Raw($"<option value=\"{CenterPage.H(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString()))}\">").Text(page.T("Kind." + kind)).Raw("</option>");
        }

        page.Raw("</select></div>").Field("ask-details", "details", page.T("Ask.Details"), multiline: true).Button(page.T("Button.ask"), id: "send").Raw("</form>");
    }
}
