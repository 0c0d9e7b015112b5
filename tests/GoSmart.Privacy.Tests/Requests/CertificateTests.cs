using System.Text.Json;
using GoSmart.Privacy.Tests.Models;

namespace GoSmart.Privacy.Tests.Requests;

/// <summary>Erasure certificates as a third party receives them: JSON in the SDK's style, verifiable with a public key only.</summary>
public sealed class CertificateTests
{
    private static readonly SubjectRef Subject = new("acme", "5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21");

    private static async Task<ErasureCertificate> EraseAsync(RequestTestHost host)
    {
        host.Data.AddContact("acme", Guid.Parse(Subject.SubjectId), "Ada", "ada@example.com");
        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, Subject));
        return await host.Service.GetErasureCertificateAsync(request.Id);
    }

    [Fact]
    public async Task A_certificate_is_json_in_the_sdks_style_and_reads_back_verifiable()
    {
        await using var host = new RequestTestHost();
        var certificate = await EraseAsync(host);

        var json = certificate.ToJson();
        var read = ErasureCertificate.FromJson(json);

        using var doc = JsonDocument.Parse(json);
        Assert.Equal("completedWithExemptions", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal("HMAC-SHA256", doc.RootElement.GetProperty("algorithm").GetString());
        Assert.True(doc.RootElement.TryGetProperty("requestId", out _));
        Assert.Contains(doc.RootElement.GetProperty("handlers").EnumerateArray(), h => h.GetProperty("result").GetProperty("exemptions").EnumerateArray().Any(e => e.GetProperty("exemption").GetString() == "legalObligation"));
        Assert.True(host.Service.VerifyCertificate(read));
        Assert.Equal(certificate.CanonicalPayload(), read.CanonicalPayload());
        Assert.All(doc.RootElement.GetProperty("handlers").EnumerateArray(), h => Assert.True(h.GetProperty("result").TryGetProperty("notWritable", out _)));
    }

    [Fact]
    public void A_certificate_line_without_its_result_is_refused_by_name()
    {
        var ex = Assert.Throws<PrivacyException>(() => ErasureCertificate.FromJson(
            """{"requestId":"6c262688-9cf6-4ae4-98ca-5ba3d3a13218","tenantId":"acme","subjectHash":"h","receivedAt":"2026-01-01T00:00:00Z","completedAt":"2026-01-02T00:00:00Z","status":"completed","handlers":[{"handler":"crm.contacts"}],"uncoveredTypes":[],"signature":"x"}"""));

        Assert.Contains("crm.contacts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ecdsa_signed_certificate_verifies_with_the_public_key_alone_and_any_change_breaks_it()
    {
        var pem = EcdsaCertificateSigner.CreatePrivateKeyPem();
        using var signer = new EcdsaCertificateSigner(pem);
        await using var host = new RequestTestHost(configure: o => o.CertificateSigningKeyPem = pem);
        var certificate = ErasureCertificate.FromJson((await EraseAsync(host)).ToJson()); // as the authority receives it

        Assert.Equal(ErasureCertificate.EcdsaAlgorithm, certificate.Algorithm);
        Assert.True(ErasureCertificateVerifier.Verify(certificate, signer.PublicKeyPem));
        Assert.True(host.Service.VerifyCertificate(certificate));
        Assert.False(ErasureCertificateVerifier.Verify(certificate with { TenantId = "globex" }, signer.PublicKeyPem));
        Assert.False(ErasureCertificateVerifier.Verify(certificate with { Status = PrivacyRequestStatus.Completed }, signer.PublicKeyPem));
        Assert.False(ErasureCertificateVerifier.Verify(certificate with { Algorithm = ErasureCertificate.HmacAlgorithm }, signer.PublicKeyPem));
        using var other = new EcdsaCertificateSigner(EcdsaCertificateSigner.CreatePrivateKeyPem());
        Assert.False(ErasureCertificateVerifier.Verify(certificate, other.PublicKeyPem));
        Assert.False(ErasureCertificateVerifier.Verify(certificate with { Signature = "not-base64url!" }, signer.PublicKeyPem));
    }

    [Fact]
    public async Task An_hmac_certificate_is_not_passed_off_as_an_ecdsa_one()
    {
        await using var host = new RequestTestHost();
        var certificate = await EraseAsync(host);
        using var signer = new EcdsaCertificateSigner(EcdsaCertificateSigner.CreatePrivateKeyPem());

        Assert.False(ErasureCertificateVerifier.Verify(certificate, signer.PublicKeyPem));
        Assert.False(host.Service.VerifyCertificate(certificate with { Algorithm = ErasureCertificate.EcdsaAlgorithm }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"requestId\":\"5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21\"}")]
    [InlineData("{\"status\":\"finished\"}")]
    public void A_malformed_certificate_file_is_refused_with_the_sdks_exception(string json)
    {
        var ex = Assert.Throws<PrivacyException>(() => ErasureCertificate.FromJson(json));

        Assert.Contains("not an erasure certificate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signing_key_that_is_not_a_p256_private_key_is_a_start_up_error()
    {
        using var rsa = System.Security.Cryptography.RSA.Create();
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        using var signer = new EcdsaCertificateSigner(EcdsaCertificateSigner.CreatePrivateKeyPem());

        foreach (var (pem, says) in new[] { ("not a key", "could not be read"), (rsa.ExportPkcs8PrivateKeyPem(), "could not be read"), (p384.ExportPkcs8PrivateKeyPem(), "not P-256"), (signer.PublicKeyPem, "could not be read") })
        {
            var ex = Assert.ThrowsAny<Exception>(() => new RequestTestHost(configure: o => o.CertificateSigningKeyPem = pem));
            Assert.Contains("CertificateSigningKeyPem", ex.Message, StringComparison.Ordinal);
            Assert.Contains(says, ex.Message, StringComparison.Ordinal);
        }

        Assert.Throws<PrivacyException>(() => ErasureCertificateVerifier.Verify(ErasureCertificate.FromJson(SampleJson), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"));
    }

    private const string SampleJson = """
        {"requestId":"5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21","tenantId":"acme","subjectHash":"h","receivedAt":"2026-01-31T09:30:00+00:00","completedAt":"2026-01-31T09:30:00+00:00","status":"completed","handlers":[],"uncoveredTypes":[],"signature":"x","algorithm":"ES256"}
        """;
}
