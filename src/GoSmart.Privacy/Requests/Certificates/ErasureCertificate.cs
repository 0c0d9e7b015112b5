using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoSmart.Privacy.Certificates;

/// <summary>
/// Proof that an erasure request completed: when, by which handlers, with what counts and exemptions, and which
/// tagged types no handler covers — signed with HMAC-SHA256 so that it can be verified later. It holds no
/// personal data: the subject is a keyed hash.
/// </summary>
/// <param name="RequestId">The request.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="SubjectHash">The subject id as a keyed hash.</param>
/// <param name="ReceivedAt">When the request was received.</param>
/// <param name="CompletedAt">When it completed.</param>
/// <param name="Status">Its final status.</param>
/// <param name="Handlers">Every handler's counts.</param>
/// <param name="UncoveredTypes">Tagged types with a subject id that no erasure handler covers.</param>
/// <param name="Signature">HMAC-SHA256 of everything above, base64url.</param>
public sealed record ErasureCertificate(
    Guid RequestId,
    string TenantId,
    string SubjectHash,
    DateTimeOffset ReceivedAt,
    DateTimeOffset CompletedAt,
    PrivacyRequestStatus Status,
    IReadOnlyList<CertificateLine> Handlers,
    IReadOnlyList<string> UncoveredTypes,
    string Signature)
{
    /// <summary>Gets the tagged types the host acknowledged as out of scope of this erasure, with the reasons.</summary>
    public IReadOnlyList<OutOfScopeType> OutOfScopeTypes { get; init; } = [];

    /// <summary>
    /// Gets how <see cref="Signature"/> was made: <see cref="HmacAlgorithm"/> (verified with the certificate key) or
    /// <see cref="EcdsaAlgorithm"/> (verified by anyone with the public key, <see cref="ErasureCertificateVerifier"/>).
    /// </summary>
    public string Algorithm { get; init; } = HmacAlgorithm;

    /// <summary>The name of HMAC-SHA256 signatures.</summary>
    public const string HmacAlgorithm = "HMAC-SHA256";

    /// <summary>The name of ECDSA P-256 / SHA-256 signatures (IEEE P1363 encoding, base64url).</summary>
    public const string EcdsaAlgorithm = "ES256";

    /// <summary>Writes the certificate as JSON in the SDK's style (camelCase, enums as names), indented, for a file a third party verifies.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, Export.DocumentJson.Options);

    /// <summary>Reads a certificate written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The certificate, signature included; verify it before trusting it.</returns>
    /// <exception cref="PrivacyException">The text is not an erasure certificate.</exception>
    public static ErasureCertificate FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var certificate = JsonSerializer.Deserialize<ErasureCertificate>(json, Export.DocumentJson.Options);
            if (certificate is not { TenantId: not null, SubjectHash: not null, Handlers: not null, UncoveredTypes: not null, Signature: not null })
            {
                throw new PrivacyException("The text is not an erasure certificate: it lacks tenantId, subjectHash, handlers, uncoveredTypes or signature. Pass the JSON that ErasureCertificate.ToJson wrote.");
            }

            var broken = certificate.Handlers.FirstOrDefault(h => h?.Handler is null || h.Result?.Exemptions is null || h.Result.RecipientsNotified is null);
            return broken is null ? certificate
                : throw new PrivacyException($"The erasure certificate's line for handler '{broken?.Handler}' lacks its name or its result (counts, exemptions, recipientsNotified). Pass the JSON that ErasureCertificate.ToJson wrote; a certificate written by an earlier preview lists counts without a result and cannot be read.");
        }
        catch (JsonException ex)
        {
            throw new PrivacyException($"The text is not an erasure certificate: {ex.Message} Pass the JSON that ErasureCertificate.ToJson wrote.", ex);
        }
    }

    /// <summary>The canonical bytes the signature covers: every field but the signature, in a fixed order.</summary>
    /// <returns>UTF-8 JSON.</returns>
    public byte[] CanonicalPayload()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("requestId", RequestId);
            w.WriteString("tenantId", TenantId);
            w.WriteString("subjectHash", SubjectHash);
            w.WriteString("receivedAt", ReceivedAt.ToUniversalTime());
            w.WriteString("completedAt", CompletedAt.ToUniversalTime());
            w.WriteString("status", Status.ToString());
            w.WriteStartArray("handlers");
            foreach (var h in Handlers)
            {
                w.WriteStartObject();
                w.WriteString("handler", h.Handler);
                w.WriteNumber("changed", h.Result.Changed);
                w.WriteNumber("retained", h.Result.Retained);
                w.WriteNumber("notWritable", h.Result.NotWritable);
                w.WriteNumber("deleted", h.Result.Deleted);
                w.WriteNumber("applied", h.Result.Applied);
                w.WriteStartObject("exemptions");
                foreach (var e in h.Result.Exemptions)
                {
                    w.WriteNumber(e.Exemption.ToString(), e.Count);
                }

                w.WriteEndObject();
                w.WriteStartArray("recipientsNotified");
                foreach (var r in h.Result.RecipientsNotified)
                {
                    w.WriteStringValue(r);
                }

                w.WriteEndArray();
                if (h.Result.HeldBy is { Count: > 0 } heldBy)
                {
                    // Only when held, so certificates issued before legal holds existed still verify.
                    w.WriteStartArray("heldBy");
                    foreach (var hold in heldBy)
                    {
                        w.WriteStringValue(hold);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("uncoveredTypes");
            foreach (var t in UncoveredTypes)
            {
                w.WriteStringValue(t);
            }

            w.WriteEndArray();
            if (Algorithm != HmacAlgorithm)
            {
                // Named in the signed bytes, so a signature cannot be passed off under another algorithm.
                w.WriteString("algorithm", Algorithm);
            }

            if (OutOfScopeTypes.Count > 0)
            {
                // Only when present, so certificates issued before acknowledgements existed still verify.
                w.WriteStartArray("outOfScopeTypes");
                foreach (var o in OutOfScopeTypes)
                {
                    w.WriteStartObject();
                    w.WriteString("typeName", o.TypeName);
                    w.WriteString("reason", o.Reason);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
