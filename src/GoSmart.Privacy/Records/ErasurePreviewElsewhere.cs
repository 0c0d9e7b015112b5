namespace GoSmart.Privacy.Records;

/// <summary>Data another service erases, named in a preview so nothing is left unsaid.</summary>
/// <param name="Area">The area in words.</param>
/// <param name="Reason">Why this service does not erase it: the host's out-of-scope acknowledgement.</param>
public sealed record ErasurePreviewElsewhere(string Area, string Reason);
