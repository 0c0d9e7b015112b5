namespace GoSmart.Privacy.Records;

/// <summary>A purpose whose notice changed materially without a version bump.</summary>
/// <param name="TenantId">The tenant, or <see langword="null"/> for the host's own notice.</param>
/// <param name="Purpose">The purpose key.</param>
/// <param name="Version">The version both builds carry.</param>
/// <param name="Message">What changed and how to fix it.</param>
public sealed record NoticeChange(string? TenantId, string Purpose, int Version, string Message);
