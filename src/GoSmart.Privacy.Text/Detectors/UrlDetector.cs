namespace GoSmart.Privacy.Text.Detectors;

/// <summary>URLs whose query names a person: a parameter called email, user, uid, id, token, session, phone, name, login …</summary>
internal static class UrlDetector
{
    private static readonly string[] Identifying = ["email", "mail", "e-mail", "user", "username", "userid", "user_id", "uid", "id", "token", "access_token", "auth", "session", "sid", "phone", "tel", "name", "login", "account", "customer", "member"];

    public static void Find(ReadOnlySpan<char> text, ref Findings findings)
    {
        var i = 0;
        while (i < text.Length)
        {
            var rest = text[i..];
            var start = IndexOfScheme(rest);
            if (start < 0)
            {
                return;
            }

            start += i;
            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('<' or '>' or '"' or '\'' or ')'))
            {
                end++;
            }

            while (end > start && text[end - 1] is '.' or ',' or '!' or '?' or ';')
            {
                end--;
            }

            if (Names(text[start..end]))
            {
                findings.Add(new TextFinding(TextEntityType.IdentifyingUrl, start, end - start, 0.85));
            }

            i = Math.Max(end, start + 1);
        }
    }

    private static int IndexOfScheme(ReadOnlySpan<char> text)
    {
        var http = text.IndexOf("http", StringComparison.OrdinalIgnoreCase);
        var www = text.IndexOf("www.", StringComparison.OrdinalIgnoreCase);
        while (http >= 0 && !(text[(http + 4)..].StartsWith("://", StringComparison.Ordinal) || text[(http + 4)..].StartsWith("s://", StringComparison.OrdinalIgnoreCase)))
        {
            var next = text[(http + 4)..].IndexOf("http", StringComparison.OrdinalIgnoreCase);
            http = next < 0 ? -1 : http + 4 + next;
        }

        return http < 0 ? www : www < 0 ? http : Math.Min(http, www);
    }

    private static bool Names(ReadOnlySpan<char> url)
    {
        var query = url.IndexOfAny('?', '#');
        if (query < 0)
        {
            return false;
        }

        foreach (var range in url[(query + 1)..].SplitAny('&', ';'))
        {
            var pair = url[(query + 1)..][range];
            var eq = pair.IndexOf('=');
            if (eq <= 0 || eq == pair.Length - 1)
            {
                continue;
            }

            foreach (var name in Identifying)
            {
                if (pair[..eq].Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
