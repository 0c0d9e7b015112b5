using Microsoft.AspNetCore.Http;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>The small pages the e-mailed links open: readable without JavaScript, one heading, one message, at most one button.</summary>
internal static class IntakePages
{
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private const string Style = "body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}"
        + "button{font:inherit;padding:.6rem 1.2rem;border:2px solid #1d4e89;background:#1d4e89;color:#fff;border-radius:.3rem;cursor:pointer}"
        + "button:focus-visible{outline:3px solid #f2a900;outline-offset:2px}";

    /// <summary>A page in the visitor's language, or — for a caller that asked for JSON — Problem Details for an error and a JSON object otherwise.</summary>
    public static IResult Answer(HttpContext context, int status, string title, string message, string? token = null)
    {
        var culture = PrivacyTexts.CultureOf(context);
        var wantsJson = context.Request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));
        if (wantsJson)
        {
            return status >= 400 ? Results.Problem(statusCode: status, title: title, detail: message) : Results.Json(new { title, message }, statusCode: status);
        }

        var form = token is null
            ? string.Empty
            : $"<form method=\"post\" action=\"verify?lang={culture.TwoLetterISOLanguageName}\"><input type=\"hidden\" name=\"token\" value=\"{H(token)}\"><button type=\"submit\">{H(PrivacyTexts.Get("ConfirmButton", culture))}</button></form>";
        var html = $"<!DOCTYPE html>\n<html lang=\"{culture.TwoLetterISOLanguageName}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{H(title)}</title><style>{Style}</style></head>"
            + $"<body><main><h1>{H(title)}</h1><p>{H(message)}</p>{form}</main></body></html>\n";
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    /// <summary>HTML-escaped text that keeps every letter as it is (ä, é, ñ), escaping only what HTML reads as markup.</summary>
    private static string H(string text) => Encoder.Encode(text);
}
