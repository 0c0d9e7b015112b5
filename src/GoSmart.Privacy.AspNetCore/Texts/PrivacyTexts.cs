using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// What the endpoints say to people, in English, German, French or Spanish (<c>Texts/PrivacyTexts*.resx</c>): the
/// language comes from <c>?lang=</c> (a page's switcher), else the best match of <c>Accept-Language</c>, else English.
/// Dates are written in that language's format.
/// </summary>
internal static class PrivacyTexts
{
    private static readonly ResourceManager Resources = new(typeof(PrivacyTexts).FullName!, typeof(PrivacyTexts).Assembly); // the .resx beside this class is named after it

    /// <summary>The languages the texts are written in; the first is the fallback.</summary>
    public static readonly IReadOnlyList<CultureInfo> Supported = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("de"), CultureInfo.GetCultureInfo("fr"), CultureInfo.GetCultureInfo("es")];

    /// <summary>The language to answer <paramref name="context"/> in.</summary>
    public static CultureInfo CultureOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Match(context.Request.Query["lang"].ToString()) is { } chosen)
        {
            return chosen;
        }

        if (StringWithQualityHeaderValue.TryParseList(context.Request.Headers.AcceptLanguage, out var languages))
        {
            foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
            {
                if (Match(language.Value.Value) is { } match)
                {
                    return match;
                }
            }
        }

        return Supported[0];
    }

    /// <summary>The text named <paramref name="name"/> in <paramref name="culture"/>, its placeholders filled.</summary>
    public static string Get(string name, CultureInfo culture, params object[] arguments)
    {
        var text = Resources.GetString(name, culture) ?? throw new InvalidOperationException($"The text '{name}' is missing from PrivacyTexts.resx.");
        return arguments.Length == 0 ? text : string.Format(culture, text, arguments);
    }

    /// <summary>A request's status in plain words.</summary>
    public static string Status(PrivacyRequestStatus status, CultureInfo culture) => Get("Status." + status, culture);

    /// <summary>A right, as the object of "asked us for …".</summary>
    public static string Right(PrivacyRequestKind kind, CultureInfo culture) => Get("Right." + kind, culture);

    /// <summary>
    /// A data category in words for a person, in <paramref name="culture"/>: the category's own text, else its nearest
    /// parent's (<c>user.contact.email.work</c> reads as "E-mail address"), else the key in English words.
    /// </summary>
    public static string Category(string key, CultureInfo culture)
    {
        for (var k = key; k.Length > 0 && (k != "user" || key == "user"); k = k.LastIndexOf('.') is var dot and > 0 ? k[..dot] : string.Empty)
        {
            // up to the nearest parent with a text, but not the root: "Data about you" says nothing about user.foo
            if (Resources.GetString("Category." + k, culture) is { } text)
            {
                return text;
            }
        }

        return Records.RecordsWords.Category(key);
    }

    /// <summary>A special category of data (Art. 9/10) in words, in <paramref name="culture"/>.</summary>
    public static string Special(SpecialCategory category, CultureInfo culture) => Get("Special." + category, culture);

    /// <summary>A day, in the culture's long date format.</summary>
    public static string Day(DateTimeOffset value, CultureInfo culture) => value.ToString("D", culture);

    /// <summary>A moment, in the culture's long date and short time format, UTC.</summary>
    public static string Moment(DateTimeOffset value, CultureInfo culture) => value.UtcDateTime.ToString("f", culture) + " UTC";

    private static CultureInfo? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag == "*")
        {
            return null;
        }

        var language = tag.Split('-', '_')[0];
        return Supported.FirstOrDefault(c => string.Equals(c.TwoLetterISOLanguageName, language, StringComparison.OrdinalIgnoreCase));
    }
}
