namespace GoSmart.Privacy.Records;

/// <summary>Which of the SDK's optional protections the service registered: the records name each as a technical measure.</summary>
/// <param name="ConsentLedger">Whether the consent ledger is registered.</param>
/// <param name="FreeText">Whether a free-text redaction is registered.</param>
internal readonly record struct RecordsFeatures(bool ConsentLedger, bool FreeText);
