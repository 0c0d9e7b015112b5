namespace GoSmart.Privacy.Records;

/// <summary>Data an erasure keeps, and the Art. 17(3) ground for keeping it.</summary>
/// <param name="Data">The data in words, e.g. "Invoiced total".</param>
/// <param name="Exemption">The ground.</param>
public sealed record ErasurePreviewKept(string Data, ErasureExemption Exemption);
