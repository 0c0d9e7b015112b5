using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// The request history: each request with when it arrived, when the answer is due (and why that moved), its status
/// in plain words and what came of it — what was changed, what was kept and under which ground, how long that is
/// kept, and the copy to read or download.
/// </summary>
internal static class CenterHistory
{
    /// <summary>How many requests the history shows, newest first.</summary>
    private const int Shown = 50;

    public static async Task WriteAsync(CenterPage page)
    {
        var requests = await CenterData.RequestsAsync(page.Context, page.Subject!).ConfigureAwait(false);
        await TableAsync(page, requests).ConfigureAwait(false);
    }

    public static async Task TableAsync(CenterPage page, IReadOnlyList<PrivacyRequest> requests)
    {
        if (requests.Count == 0)
        {
            page.Element("p", page.T("Requests.None"), "id=\"no-requests\"");
            return;
        }

        var service = page.Context.RequestServices.GetRequiredService<IPrivacyRequestService>();
        var now = EndpointSupport.Now(page.Context);
        var kept = false;
        page.Raw("<table id=\"requests\"><caption>").Text(page.T("View.requests")).Raw("</caption><thead><tr>");
        foreach (var column in new[] { "Requests.Right", "Requests.Received", "Requests.Due", "Requests.Status", "Requests.Result" })
        {
            page.Element("th", page.T(column), "scope=\"col\"");
        }

        page.Raw("</tr></thead><tbody>");
        foreach (var request in requests.Take(Shown))
        {
            var right = PrivacyTexts.Right(request.Kind, page.Culture);
            page.Raw($"<tr data-request=\"{request.Id}\" data-kind=\"{request.Kind}\" data-status=\"{request.Status}\">")
                .Element("td", char.ToUpper(right[0], page.Culture) + right[1..], Label(page, "Requests.Right"))
                .Element("td", PrivacyTexts.Day(request.ReceivedAt, page.Culture), Label(page, "Requests.Received"))
                .Raw("<td ").Raw(Label(page, "Requests.Due")).Raw(">").Text(PrivacyTexts.Day(request.DueAt, page.Culture));
            if (request.ExtensionReason is not null)
            {
                page.Raw("<br>").Text(page.T("Requests.Extended", request.ExtensionReason));
            }

            page.Raw("</td><td class=\"pc-status\" ").Raw(Label(page, "Requests.Status")).Raw(">").Text(PrivacyTexts.Status(request.Status, page.Culture));
            if (request.StatusReason is not null && request.Status is PrivacyRequestStatus.Rejected or PrivacyRequestStatus.Cancelled)
            {
                page.Raw("<br>").Text(request.StatusReason);
            }

            page.Raw("</td><td ").Raw(Label(page, "Requests.Result")).Raw(">");
            var result = await ResultAsync(page, service, request).ConfigureAwait(false);
            kept |= result.Any(r => r.Kept);
            if (result.Count > 0)
            {
                page.List(result.Select(r => r.Text));
            }
            if (EndpointSupport.CanDownload(request, now, page.Endpoints))
            {
                page.Raw("<p>");
                foreach (var (format, text) in new[] { ("html", "Requests.Read"), ("zip", "Requests.Zip"), ("json", "Requests.Json") })
                {
                    page.Raw($"<a class=\"pc-download\" data-format=\"{format}\" href=\"").Text(page.Routes.Package(request.Id, format)).Raw("\">").Text(page.T(text)).Raw("</a><br>");
                }

                page.Raw("</p>");
            }

            page.Raw("</td></tr>");
        }

        page.Raw("</tbody></table>");
        if (kept && page.Controller.Retention.Count > 0)
        {
            page.Element("h2", page.T("Requests.Retention")).List(page.Controller.Retention.Select(r => r.Scope + ": " + r.Period));
        }
    }

    /// <summary>What came of a closed request, in words: nothing yet for an open one.</summary>
    private static async Task<List<(string Text, bool Kept)>> ResultAsync(CenterPage page, IPrivacyRequestService service, PrivacyRequest request)
    {
        var lines = new List<(string, bool)>();
        if (request.Purpose is not null)
        {
            lines.Add((page.T("Requests.Purpose", page.Controller.Activities.FirstOrDefault(a => a.Purpose == request.Purpose)?.Description ?? request.Purpose), false));
        }

        if (request.Status is not (PrivacyRequestStatus.Completed or PrivacyRequestStatus.CompletedWithExemptions) || request.Kind is PrivacyRequestKind.Access or PrivacyRequestKind.Portability)
        {
            return lines;
        }

        var results = (await service.GetReportAsync(request.Id, page.Context.RequestAborted).ConfigureAwait(false)).Handlers.Select(h => h.Result).OfType<HandlerResult>().ToList();
        var changed = results.Sum(r => r.Changed + r.Deleted);
        var applied = results.Sum(r => r.Applied);
        if (request.Kind == PrivacyRequestKind.Erasure && changed > 0)
        {
            lines.Add((page.T("Requests.Changed", changed), false));
        }

        if (request.Kind == PrivacyRequestKind.Rectification)
        {
            lines.Add((page.T("Requests.Applied", applied), false));
        }

        foreach (var exemption in results.SelectMany(r => r.Exemptions).GroupBy(e => e.Exemption))
        {
            lines.Add((page.T("Requests.KeptCount", page.T("Exemption." + exemption.Key), exemption.Sum(e => e.Count)), true));
        }

        lines.AddRange(results.Select(r => r.Outcome).OfType<string>().Select(o => (o, false)));
        return lines;
    }

    private static string Label(CenterPage page, string column) => $"data-label=\"{CenterPage.H(page.T(column))}\"";
}
