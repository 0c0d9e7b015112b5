namespace GoSmart.Privacy.Records;

/// <summary>One area of the service in an erasure preview.</summary>
/// <param name="Area">The area in words, e.g. "Crm contact".</param>
/// <param name="Type">The tagged type's full name.</param>
/// <param name="Erased">The data that is removed, in words.</param>
/// <param name="Changed">The data changed so it no longer identifies the subject (pseudonymised, masked, generalised).</param>
/// <param name="Kept">The data kept, each with its legal ground.</param>
public sealed record ErasurePreviewArea(string Area, string Type, IReadOnlyList<string> Erased, IReadOnlyList<string> Changed, IReadOnlyList<ErasurePreviewKept> Kept);
