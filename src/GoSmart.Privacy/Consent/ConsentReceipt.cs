using System.Text;
using System.Text.Json;

namespace GoSmart.Privacy;

/// <summary>
/// A consent receipt with the fields of the Kantara Initiative Consent Receipt Specification v1.1: what the
/// subject agreed to (or withdrew, or objected to), when, how, with whom — a record the subject can keep.
/// </summary>
/// <param name="Version">The specification version, <c>KI-CR-v1.1.0</c>.</param>
/// <param name="Jurisdiction">The jurisdiction, e.g. <c>EU</c>.</param>
/// <param name="ConsentTimestamp">When, in seconds since the Unix epoch.</param>
/// <param name="CollectionMethod">How the decision was collected.</param>
/// <param name="ConsentReceiptId">The receipt's id (the ledger event's id).</param>
/// <param name="PiiPrincipalId">The subject's id.</param>
/// <param name="PiiController">The controller's name.</param>
/// <param name="PiiControllerContact">The controller's contact.</param>
/// <param name="PolicyUrl">The privacy policy.</param>
/// <param name="Service">The service the purpose belongs to (the tenant's service).</param>
/// <param name="Purpose">The purpose key and description.</param>
/// <param name="ConsentType">EXPLICIT for a grant, WITHDRAWN or OBJECTED otherwise.</param>
/// <param name="PiiCategories">The data categories processed for the purpose.</param>
/// <param name="Termination">When or how the decision ends.</param>
/// <param name="ThirdPartyDisclosure">Whether data is disclosed to third parties.</param>
/// <param name="ThirdPartyNames">The third parties.</param>
/// <param name="Sensitive">Whether special-category data is involved.</param>
public sealed record ConsentReceipt(
    string Version,
    string Jurisdiction,
    long ConsentTimestamp,
    string CollectionMethod,
    Guid ConsentReceiptId,
    string PiiPrincipalId,
    string? PiiController,
    string? PiiControllerContact,
    Uri? PolicyUrl,
    string Service,
    string Purpose,
    string ConsentType,
    IReadOnlyList<string> PiiCategories,
    string Termination,
    bool ThirdPartyDisclosure,
    IReadOnlyList<string> ThirdPartyNames,
    bool Sensitive)
{
    /// <summary>Writes the receipt as JSON with the specification's field names.</summary>
    /// <returns>UTF-8 JSON text.</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("version", Version);
            w.WriteString("jurisdiction", Jurisdiction);
            w.WriteNumber("consentTimestamp", ConsentTimestamp);
            w.WriteString("collectionMethod", CollectionMethod);
            w.WriteString("consentReceiptID", ConsentReceiptId);
            w.WriteString("language", "en");
            w.WriteString("piiPrincipalId", PiiPrincipalId);
            w.WriteStartArray("piiControllers");
            w.WriteStartObject();
            w.WriteString("piiController", PiiController);
            w.WriteString("contact", PiiControllerContact);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("policyUrl", PolicyUrl?.ToString());
            w.WriteStartArray("services");
            w.WriteStartObject();
            w.WriteString("service", Service);
            w.WriteStartArray("purposes");
            w.WriteStartObject();
            w.WriteString("purpose", Purpose);
            w.WriteStartArray("purposeCategory");
            w.WriteStringValue(Purpose);
            w.WriteEndArray();
            w.WriteString("consentType", ConsentType);
            w.WriteStartArray("piiCategory");
            foreach (var category in PiiCategories)
            {
                w.WriteStringValue(category);
            }

            w.WriteEndArray();
            w.WriteBoolean("primaryPurpose", true);
            w.WriteString("termination", Termination);
            w.WriteBoolean("thirdPartyDisclosure", ThirdPartyDisclosure);
            w.WriteString("thirdPartyName", string.Join(", ", ThirdPartyNames));
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteBoolean("sensitive", Sensitive);
            w.WriteStartArray("spiCat");
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
