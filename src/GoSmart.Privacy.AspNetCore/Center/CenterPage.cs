using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using GoSmart.Privacy.Records;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// One page of the center being written: who is looking, in which language, and the HTML so far. Every text is
/// encoded on the way in; the layout gives every page the same landmarks — skip link, header, navigation, main, footer.
/// </summary>
internal sealed class CenterPage
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private readonly StringBuilder _html = new();

    public CenterPage(HttpContext context, CenterView view)
    {
        Context = context;
        View = view;
        Culture = PrivacyTexts.CultureOf(context);
        Routes = context.GetEndpoint()?.Metadata.GetMetadata<CenterRoutes>() ?? new CenterRoutes("/privacy");
        Options = context.RequestServices.GetRequiredService<IOptions<PrivacyCenterOptions>>().Value;
        Endpoints = EndpointSupport.Options(context);
        Subject = SelfServiceHandlers.Subject(context);
        Records = context.RequestServices.GetRequiredService<PrivacyRecordsCache>();
        Tenant = Subject?.TenantId ?? Endpoints.VisitorTenantOf(context);
        Controller = Records.ControllerOf(Tenant);
    }

    public HttpContext Context { get; }

    public CenterView View { get; }

    public CultureInfo Culture { get; }

    public CenterRoutes Routes { get; }

    public PrivacyCenterOptions Options { get; }

    public PrivacyEndpointOptions Endpoints { get; }

    /// <summary>Gets the signed-in subject, or <see langword="null"/> for a visitor.</summary>
    public SubjectRef? Subject { get; }

    public PrivacyRecordsCache Records { get; }

    /// <summary>Gets the tenant whose controller the visitor deals with.</summary>
    public string Tenant { get; }

    /// <summary>Gets the records of that controller: its notice, its purposes.</summary>
    public ControllerRecord Controller { get; }

    /// <summary>A text in the page's language.</summary>
    public string T(string name, params object[] arguments) => PrivacyTexts.Get(name, Culture, arguments);

    /// <summary>Whether the tenant takes requests of <paramref name="kind"/> here.</summary>
    public bool Offers(PrivacyRequestKind kind) => Endpoints.OffersRight(Tenant, kind);

    /// <summary>
    /// The uses a person can object to (Art. 21): the purposes on legitimate interests or a public task, of the
    /// tenant's controller and of the host — the purposes an objection may name.
    /// </summary>
    public IReadOnlyList<ProcessingActivity> Objectable() =>
        [.. Controller.Activities.Concat(Records.ControllerOf(null).Activities)
            .Where(a => a.LegalBasis is LegalBasis.LegitimateInterests or LegalBasis.PublicTask).DistinctBy(a => a.Purpose)];

    /// <summary>An area of data — a type's name — in words: "Payment method" for <c>Crm.PaymentMethod</c>, without generic arguments.</summary>
    public static string Area(string type)
    {
        var name = type.Split('[')[0];
        name = name[(name.LastIndexOfAny(['.', '+']) + 1)..];
        return Export.RecordHtml.Words(name.Split('`')[0]);
    }

    /// <summary>Appends markup as it is.</summary>
    public CenterPage Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>Appends text, encoded.</summary>
    public CenterPage Text(string? text)
    {
        _html.Append(H(text));
        return this;
    }

    /// <summary>Appends <c>&lt;tag&gt;text&lt;/tag&gt;</c>, the text encoded.</summary>
    public CenterPage Element(string tag, string? text, string? attributes = null)
    {
        _html.Append('<').Append(tag).Append(attributes is null ? string.Empty : " " + attributes).Append('>').Append(H(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Opens a form that posts to this view, with its antiforgery token.</summary>
    public CenterPage FormStart(string? id = null)
    {
        var tokens = Context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(Context);
        _html.Append("<form method=\"post\" action=\"").Append(H(Routes.View(View.Slug, Culture))).Append('"').Append(id is null ? string.Empty : $" id=\"{H(id)}\"").Append('>')
            .Append("<input type=\"hidden\" name=\"").Append(H(tokens.FormFieldName)).Append("\" value=\"").Append(H(tokens.RequestToken)).Append("\">");
        return this;
    }

    /// <summary>A labelled text field (<c>input</c> or <c>textarea</c>) with an optional hint, marked invalid when it is the one in error.</summary>
    public CenterPage Field(string id, string name, string label, string? value = null, string? hint = null, bool multiline = false, bool required = false, string type = "text", string? autocomplete = null, bool invalid = false)
    {
        var described = hint is null ? string.Empty : $" aria-describedby=\"{H(id)}-hint\"";
        var flags = (required ? " required" : string.Empty) + (invalid ? " aria-invalid=\"true\"" : string.Empty) + (autocomplete is null ? string.Empty : $" autocomplete=\"{H(autocomplete)}\"");
        _html.Append("<div class=\"pc-field\"><label for=\"").Append(H(id)).Append("\">").Append(H(label)).Append("</label>");
        if (hint is not null)
        {
            _html.Append("<p class=\"pc-hint\" id=\"").Append(H(id)).Append("-hint\">").Append(H(hint)).Append("</p>");
        }

        _html.Append(multiline
            ? $"<textarea id=\"{H(id)}\" name=\"{H(name)}\"{described}{flags}>{H(value)}</textarea>"
            : $"<input type=\"{type}\" id=\"{H(id)}\" name=\"{H(name)}\" value=\"{H(value)}\"{described}{flags}>");
        _html.Append("</div>");
        return this;
    }

    /// <summary>A submit button.</summary>
    public CenterPage Button(string text, string? name = null, string? value = null, string? id = null, bool secondary = false) =>
        Raw($"<button type=\"submit\"{(id is null ? string.Empty : $" id=\"{H(id)}\"")}{(name is null ? string.Empty : $" name=\"{H(name)}\" value=\"{H(value)}\"")}{(secondary ? " class=\"pc-secondary\"" : string.Empty)}>{H(text)}</button>");

    /// <summary>A list of texts, or "None".</summary>
    public CenterPage List(IEnumerable<string> items)
    {
        var all = items.ToList();
        if (all.Count == 0)
        {
            return Text(T("Notice.Nothing"));
        }

        _html.Append("<ul>");
        foreach (var item in all)
        {
            Element("li", item);
        }

        _html.Append("</ul>");
        return this;
    }

    /// <summary>The whole document: the layout around what was written, with a message (after a form was sent) or an error.</summary>
    public IResult Document(int status = StatusCodes.Status200OK, string? message = null, string? error = null)
    {
        var o = Options;
        var title = o.Title ?? T("Center.Title");
        var heading = T("View." + View.Slug);
        var page = new StringBuilder(_html.Length + 4096);
        page.Append("<!DOCTYPE html>\n<html lang=\"").Append(Culture.TwoLetterISOLanguageName).Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(H(error is null ? heading : T("Center.ErrorTitle") + " — " + heading)).Append(" — ").Append(H(title)).Append("</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(H(Routes.Stylesheet)).Append("\">");
        if (o.StylesheetUrl is not null)
        {
            page.Append("<link rel=\"stylesheet\" href=\"").Append(H(o.StylesheetUrl)).Append("\">");
        }

        if (CenterTheme.Inline(o) is { Length: > 0 } theme)
        {
            page.Append("<style>").Append(theme).Append("</style>");
        }

        page.Append("</head><body><a class=\"pc-skip\" href=\"#main\">").Append(H(T("Center.Skip"))).Append("</a>");
        var controller = o.ControllerName ?? Controller.Controller;
        page.Append("<header class=\"pc-header\"><div class=\"pc-brand\">");
        if (o.LogoUrl is not null)
        {
            page.Append("<img src=\"").Append(H(o.LogoUrl)).Append("\" alt=\"").Append(H(controller)).Append("\">");
        }

        page.Append("<p>").Append(H(title)).Append("</p></div>");
        page.Append("<form method=\"get\" class=\"pc-lang\" action=\"").Append(H(Routes.Root + "/center/" + View.Slug)).Append("\"><label for=\"pc-lang\">").Append(H(T("Center.Language"))).Append("</label><select id=\"pc-lang\" name=\"lang\">");
        foreach (var language in PrivacyTexts.Supported)
        {
            var name = language.TextInfo.ToTitleCase(language.NativeName);
            page.Append("<option value=\"").Append(language.TwoLetterISOLanguageName).Append('"').Append(language.Name == Culture.Name ? " selected" : string.Empty)
                .Append(" lang=\"").Append(language.TwoLetterISOLanguageName).Append("\">").Append(H(name)).Append("</option>");
        }

        page.Append("</select><button type=\"submit\" class=\"pc-secondary\">").Append(H(T("Center.LanguageButton"))).Append("</button></form>");
        page.Append("<p class=\"pc-who\" id=\"pc-who\">").Append(H(Subject is null ? T("Center.Anonymous") : T("Center.SignedInAs", Context.User.Identity?.Name ?? Subject.SubjectId)));
        if (Subject is null && o.SignInUrl is not null)
        {
            page.Append(" <a href=\"").Append(H(o.SignInUrl)).Append("\">").Append(H(T("Center.SignIn"))).Append("</a>");
        }

        page.Append("</p></header>");
        page.Append("<nav class=\"pc-nav\" aria-label=\"").Append(H(T("Center.Nav"))).Append("\"><ul>");
        foreach (var view in CenterView.All.Where(v => v.IsFor(Subject is not null)))
        {
            page.Append("<li><a href=\"").Append(H(Routes.View(view.Slug, Culture))).Append('"').Append(view == View ? " aria-current=\"page\"" : string.Empty).Append('>')
                .Append(H(T("View." + view.Slug))).Append("</a></li>");
        }

        page.Append("</ul></nav><main id=\"main\" tabindex=\"-1\"><h1>").Append(H(heading)).Append("</h1><p class=\"pc-intro\">").Append(H(T("Intro." + View.Slug))).Append("</p>");
        if (error is not null)
        {
            page.Append("<div class=\"pc-error\" role=\"alert\" id=\"pc-error\"><h2>").Append(H(T("Center.ErrorTitle"))).Append("</h2><p>").Append(H(error)).Append("</p></div>");
        }
        else if (message is not null)
        {
            page.Append("<p class=\"pc-message\" role=\"status\" id=\"pc-message\">").Append(H(message)).Append("</p>");
        }

        page.Append(_html);
        page.Append("</main><footer class=\"pc-footer\"><p>").Append(H(T("Center.Responsible", Controller.Controller))).Append(". ");
        if (Controller.Processor is not null)
        {
            page.Append(H(T("Center.ProcessorFor", Controller.Processor))).Append(' ');
        }

        page.Append(H(T("Center.Footer"))).Append("</p></footer></body></html>\n");
        Context.Response.Headers.CacheControl = "no-store";
        Context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline' https:; script-src 'none'; form-action 'self'; frame-ancestors 'self'";
        return Results.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>HTML-escaped text that keeps every letter as it is (ä, é, ñ).</summary>
    public static string H(string? text) => text is null ? string.Empty : Encoder.Encode(text);
}
