using System.Globalization;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>Where the center and the endpoints it calls are mounted, so every link and form points at them; endpoint metadata of the center's routes.</summary>
/// <param name="Root">The prefix, e.g. <c>/privacy</c>.</param>
internal sealed record CenterRoutes(string Root)
{
    /// <summary>A view of the center, in a language.</summary>
    public string View(string slug, CultureInfo culture) => $"{Root}/center/{slug}?lang={culture.TwoLetterISOLanguageName}";

    /// <summary>A request's package, in a format (<c>html</c>, <c>zip</c>, <c>json</c>).</summary>
    public string Package(Guid id, string format) => $"{Root}/me/requests/{id}/package?format={format}";

    /// <summary>The public request form's endpoint, answering in a language.</summary>
    public string PublicRequests(CultureInfo culture) => $"{Root}/public/requests?lang={culture.TwoLetterISOLanguageName}";

    /// <summary>The center's stylesheet.</summary>
    public string Stylesheet => $"{Root}/center/assets/privacy-center.css";
}
