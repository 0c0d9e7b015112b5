using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>The center's stylesheet (embedded in the package, served with an ETag) and the host's theme on top of it.</summary>
internal static class CenterTheme
{
    private static readonly Lazy<(byte[] Css, string ETag)> Css = new(() =>
    {
        using var stream = typeof(CenterTheme).Assembly.GetManifestResourceStream("GoSmart.Privacy.AspNetCore.Center.privacy-center.css")
            ?? throw new InvalidOperationException("The privacy center's stylesheet is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return (bytes, "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"");
    });

    /// <summary>Checks that every theme entry is a custom property whose value cannot end the rule it is written into, and that every address is a path or an http(s) URL.</summary>
    /// <exception cref="PrivacyException">An entry or an address is not; the message names it.</exception>
    public static void Check(PrivacyCenterOptions options)
    {
        foreach (var (name, value) in options.Theme)
        {
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length <= 2 || !name.Skip(2).All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new PrivacyException($"PrivacyCenterOptions.Theme has the entry '{name}', which is not a CSS custom property. Name it like '--pc-accent' (letters, digits, '-' and '_' after the two dashes).");
            }

            if (string.IsNullOrWhiteSpace(value) || value.IndexOfAny([';', '{', '}', '<', '>', '\\']) >= 0)
            {
                throw new PrivacyException($"PrivacyCenterOptions.Theme['{name}'] is '{value}': a value must be non-empty and hold no ';', '{{', '}}', '<', '>' or '\\', so it cannot end its rule. Give a colour, a length or a font list, e.g. '#0b6e4f'.");
            }
        }

        foreach (var (name, address) in new[] { ("LogoUrl", options.LogoUrl), ("StylesheetUrl", options.StylesheetUrl), ("SignInUrl", options.SignInUrl) })
        {
            if (address is not null && !IsAddress(address))
            {
                throw new PrivacyException($"PrivacyCenterOptions.{name} is '{address}': give a path on this site ('/images/logo.svg') or an http or https URL.");
            }
        }
    }

    /// <summary>The theme as a <c>:root</c> rule, or an empty string.</summary>
    public static string Inline(PrivacyCenterOptions options) =>
        options.Theme.Count == 0 ? string.Empty : ":root{" + string.Concat(options.Theme.Select(p => p.Key + ":" + p.Value + ";")) + "}";

    /// <summary>Serves the stylesheet; a browser that has it gets 304.</summary>
    public static IResult Stylesheet(HttpContext context)
    {
        var (css, etag) = Css.Value;
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return context.Request.Headers.IfNoneMatch == etag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(css, "text/css; charset=utf-8");
    }

    private static bool IsAddress(string value) =>
        (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal)) || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http");
}
