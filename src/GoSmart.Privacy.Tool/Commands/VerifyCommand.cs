using System.CommandLine;
using GoSmart.Privacy.Certificates;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace GoSmart.Privacy.Tool.Commands;

/// <summary><c>verify ledger</c> and <c>verify certificate &lt;file&gt;</c>: the consent ledger's hash chain, and an erasure certificate's signature.</summary>
internal static class VerifyCommand
{
    /// <summary>The environment variable holding an HMAC certificate key set apart from the pseudonym key.</summary>
    public const string CertificateKeyVariable = "GOSMART_PRIVACY_CERTIFICATE_KEY";

    public static Command Create()
    {
        var command = new Command("verify", "Verify the consent ledger or an erasure certificate.");
        command.Subcommands.Add(Ledger());
        command.Subcommands.Add(Certificate());
        return command;
    }

    private static Command Ledger()
    {
        var tenants = new Option<string[]>("--tenant", "-t") { Description = "A tenant whose chain to verify; repeat for several.", Required = true, AllowMultipleArgumentsPerToken = true };
        var command = new Command("ledger", $"Verify each tenant's consent chain: every event's HMAC and link, and the projection. Needs the host's pseudonym key in ${Stores.KeyVariable}.") { tenants };
        var store = StoreCommand.On(command, needsHandlers: false);
        command.SetAction(async (result, cancellationToken) =>
        {
            RequireKey(Stores.KeyVariable, "the consent chain is sealed with a key derived from it");
            await using var services = await store.OpenAsync(result, cancellationToken);
            var consent = services.GetRequiredService<IConsentService>();
            var json = result.GetValue(CliOptions.Json);
            var reports = await Output.WithProgressAsync("Verifying consent chains", result.GetRequiredValue(tenants), json, t => consent.VerifyIntegrityAsync(t, cancellationToken));
            if (json)
            {
                Output.Json(reports.Select(r => new { r.TenantId, r.EventsChecked, r.IsIntact, r.FirstBrokenSequence, r.Problem }));
            }
            else
            {
                var table = Output.Table("Consent ledger", "Tenant", "Events", "Chain", "Problem");
                foreach (var r in reports)
                {
                    Output.Row(table, r.TenantId, r.EventsChecked.ToString(System.Globalization.CultureInfo.InvariantCulture), r.IsIntact ? "intact" : $"BROKEN at {r.FirstBrokenSequence}", r.Problem);
                }

                AnsiConsole.Write(table);
            }

            return reports.All(r => r.IsIntact) ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static Command Certificate()
    {
        var file = new Argument<FileInfo>("file") { Description = "The certificate (JSON), as GetErasureCertificateAsync or the endpoint wrote it." };
        var publicKey = new Option<FileInfo?>("--public-key") { Description = "The signer's P-256 public key (PEM) for an ES256 certificate." };
        var command = new Command("certificate", $"Verify an erasure certificate's signature: ES256 with --public-key; HMAC-SHA256 with ${CertificateKeyVariable} or ${Stores.KeyVariable}.") { file, publicKey };
        command.SetAction((result, _) =>
        {
            var certificate = ReadCertificate(result.GetRequiredValue(file));
            bool valid;
            if (certificate.Algorithm == ErasureCertificate.EcdsaAlgorithm)
            {
                var pem = result.GetValue(publicKey) ?? throw new ToolException(ExitCodes.Usage, "The certificate is signed with ES256: pass the signer's public key with --public-key key.pem (EcdsaCertificateSigner.PublicKeyPem).");
                if (!pem.Exists)
                {
                    throw new ToolException(ExitCodes.BadInput, $"No public key file at '{pem.FullName}'.");
                }

                try
                {
                    valid = ErasureCertificateVerifier.Verify(certificate, File.ReadAllText(pem.FullName));
                }
                catch (PrivacyException e)
                {
                    throw new ToolException(ExitCodes.BadInput, $"'{pem.Name}': {e.Message}", e);
                }
            }
            else
            {
                valid = HmacSigner().Verify(certificate);
            }

            if (result.GetValue(CliOptions.Json))
            {
                Output.Json(new { valid, certificate.RequestId, certificate.Algorithm, certificate.CompletedAt });
            }
            else
            {
                Output.Line(valid
                    ? $"valid: the certificate of request {certificate.RequestId} ({certificate.Algorithm}) is signed by this key and unchanged."
                    : $"INVALID: the certificate of request {certificate.RequestId} was changed after signing, or signed with another key.");
            }

            return Task.FromResult(valid ? ExitCodes.Success : ExitCodes.CheckFailed);
        });
        return command;
    }

    private static ErasureCertificate ReadCertificate(FileInfo file) =>
        InputFiles.Read(file, "an erasure certificate", "Pass the JSON file GetErasureCertificateAsync or the certificate endpoint wrote.", ErasureCertificate.FromJson);

    private static ErasureCertificateSigner HmacSigner()
    {
        if (Environment.GetEnvironmentVariable(CertificateKeyVariable) is { Length: > 0 } certificateKey)
        {
            return new ErasureCertificateSigner(Key(certificateKey, CertificateKeyVariable));
        }

        return ErasureCertificateSigner.FromPseudonymKey(Key(RequireKey(Stores.KeyVariable, "an HMAC certificate is signed with a key derived from it (or set " + CertificateKeyVariable + ")"), Stores.KeyVariable));
    }

    private static string RequireKey(string variable, string why) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } key
            ? key
            : throw new ToolException(ExitCodes.Usage, $"Set {variable} to the host's key (base64), the one its PrivacyOptions use: {why}. Keys are never passed on the command line, where shell history keeps them.");

    private static byte[] Key(string base64, string variable)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException e)
        {
            throw new ToolException(ExitCodes.BadInput, $"{variable} is not base64. Copy the key exactly as the host's configuration holds it.", e);
        }
    }
}
