namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// How the privacy center looks: its title, the controller's name and logo, and its colours through CSS custom
/// properties. Everything else — the rights, the notice, the texts in four languages — comes from the SDK.
/// </summary>
public sealed class PrivacyCenterOptions
{
    /// <summary>Gets or sets the title shown in the header, e.g. <c>Go Smart privacy center</c>; by default "Privacy center" in the visitor's language.</summary>
    public string? Title { get; set; }

    /// <summary>Gets or sets the controller's name in the header; by default the controller of the notice the visitor sees.</summary>
    public string? ControllerName { get; set; }

    /// <summary>Gets or sets the logo's address (an absolute path or URL); shown with <see cref="ControllerName"/> as its text alternative.</summary>
    public string? LogoUrl { get; set; }

    /// <summary>Gets or sets where a visitor signs in (e.g. <c>/account/sign-in</c>); the page links to it for the rights that need an account.</summary>
    public string? SignInUrl { get; set; }

    /// <summary>Gets or sets a stylesheet of the host's, loaded after the center's own, to restyle it further.</summary>
    public string? StylesheetUrl { get; set; }

    /// <summary>
    /// Gets the theme: CSS custom properties and their values, e.g. <c>["--pc-accent"] = "#0b6e4f"</c>. The center's own
    /// stylesheet reads <c>--pc-accent</c>, <c>--pc-on-accent</c>, <c>--pc-text</c>, <c>--pc-muted</c>,
    /// <c>--pc-background</c>, <c>--pc-surface</c>, <c>--pc-border</c>, <c>--pc-focus</c>, <c>--pc-error</c>,
    /// <c>--pc-font</c> and <c>--pc-radius</c>. Keep text contrast at 4.5:1 or more (WCAG 2.2 AA).
    /// </summary>
    public IDictionary<string, string> Theme { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
