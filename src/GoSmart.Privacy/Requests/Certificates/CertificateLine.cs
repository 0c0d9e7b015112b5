using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoSmart.Privacy.Certificates;

/// <summary>
/// One handler's line on a certificate: its name and its <see cref="HandlerResult"/> — the same result the handler
/// produced and the report shows, counts and exemptions only, never personal data. Values the handler could read
/// but not write (<see cref="HandlerResult.NotWritable"/>) are on the certificate too: never silent.
/// </summary>
/// <param name="Handler">The handler.</param>
/// <param name="Result">What it did.</param>
public sealed record CertificateLine(string Handler, HandlerResult Result);
