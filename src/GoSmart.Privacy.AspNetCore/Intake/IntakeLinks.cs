using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// The one-time links of the public form, sealed with ASP.NET Core Data Protection (authenticated encryption; keys
/// shared by every instance that shares the key ring): what the link is for, the request, and when it expires. A link
/// that was changed, or sealed under another key ring, does not open; its expiry is checked against the clock.
/// </summary>
internal sealed class IntakeLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("GoSmart.Privacy.PublicRequests.v1");

    /// <summary>What a link does.</summary>
    public enum Use : byte
    {
        /// <summary>Confirms the requester's e-mail address.</summary>
        Verify = 1,

        /// <summary>Downloads the requester's copy of their data.</summary>
        Download = 2,
    }

    public string Seal(Use use, Guid requestId, DateTimeOffset expiresAt)
    {
        var payload = new byte[1 + 16 + 8];
        payload[0] = (byte)use;
        requestId.TryWriteBytes(payload.AsSpan(1, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(17), expiresAt.ToUnixTimeSeconds());
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    /// <summary>Opens a link's token.</summary>
    /// <returns>The request and the expiry, or <see langword="null"/> when the token is not one of ours for <paramref name="use"/>.</returns>
    public (Guid RequestId, DateTimeOffset ExpiresAt)? Open(Use use, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1024)
        {
            return null;
        }

        byte[] payload;
        try
        {
            payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }

        return payload.Length == 25 && payload[0] == (byte)use
            ? (new Guid(payload.AsSpan(1, 16)), DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(17))))
            : null;
    }
}
