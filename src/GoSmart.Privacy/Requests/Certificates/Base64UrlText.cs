namespace GoSmart.Privacy.Certificates;

/// <summary>Unpadded base64url (RFC 4648 §5), as signatures are written in certificates (net8.0 has no BCL type for it).</summary>
internal static class Base64UrlText
{
#if NET9_0_OR_GREATER
    public static string Encode(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.IsEmpty)
        {
            return false;
        }

        var buffer = new byte[System.Buffers.Text.Base64Url.GetMaxDecodedLength(text.Length)];
        int written;
        try
        {
            if (!System.Buffers.Text.Base64Url.TryDecodeFromChars(text, buffer, out written))
            {
                return false;
            }
        }
        catch (FormatException)
        {
            return false; // not base64url at all
        }

        bytes = written == buffer.Length ? buffer : buffer[..written];
        return true;
    }
#else
    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(ReadOnlySpan<char> span, out byte[] bytes)
    {
        bytes = [];
        var text = span.ToString();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }
#endif
}
