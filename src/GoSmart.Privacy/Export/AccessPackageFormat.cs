namespace GoSmart.Privacy;

/// <summary>How an access or portability package is written.</summary>
public enum AccessPackageFormat
{
    /// <summary>One UTF-8 JSON document: the request, the Art. 15(1) information, and one section per exporter.</summary>
    Json = 0,

    /// <summary>
    /// A zip: <c>information.json</c>, one <c>data/{exporter}.json</c> per exporter, a <c>data/{exporter}.csv</c> for each
    /// area whose records fit one row (spreadsheets, Art. 20), and a <c>README.html</c> a person can open and read.
    /// </summary>
    Zip = 1,

    /// <summary>One HTML page a person reads in a browser: the zip's <c>README.html</c> on its own — the Art. 15(1) information and every record, in words.</summary>
    Html = 2,
}
