namespace GoSmart.Privacy.Storage;

/// <summary>A subject's data key as stored: wrapped under the master key, or destroyed (a tombstone that refuses a new key).</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="SubjectHash">The subject as a keyed hash (no raw id in the key table).</param>
/// <param name="WrappedKey">The wrapped data key, or <see langword="null"/> once destroyed.</param>
/// <param name="CreatedAt">When the key was created.</param>
/// <param name="DestroyedAt">When it was destroyed, or <see langword="null"/>.</param>
public sealed record SubjectKeyRecord(string TenantId, string SubjectHash, byte[]? WrappedKey, DateTimeOffset CreatedAt, DateTimeOffset? DestroyedAt);
