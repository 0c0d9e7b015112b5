using System.Collections.Concurrent;
using GoSmart.Privacy.Storage;

namespace GoSmart.Privacy;

/// <summary>
/// The default <see cref="IProcessingRestrictions"/>: a per-subject cache in front of <see cref="IRestrictionStore"/>.
/// Writes through this process update it at once; on a shared store (PostgreSQL) an answer is also re-read after
/// <see cref="PrivacyOptions.RestrictionCacheDuration"/>, so other instances' restrictions arrive within that time.
/// </summary>
internal sealed class ProcessingRestrictions(IRestrictionStore store, TimeProvider time, Microsoft.Extensions.Options.IOptions<PrivacyOptions> options) : IProcessingRestrictions
{
    private readonly ConcurrentDictionary<SubjectRef, Entry> _cache = new();
    private readonly TimeSpan _lifetime = store.IsShared ? options.Value.RestrictionCacheDuration : TimeSpan.MaxValue;

    public bool IsRestricted(SubjectRef subject) => Get(subject).Restricted;

    public bool HasObjected(SubjectRef subject, string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        return Get(subject).Objections.Contains(purpose);
    }

    /// <summary>Writes a restriction through to the store and the cache.</summary>
    public async Task SetRestrictedAsync(SubjectRef subject, bool restricted, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await store.SetRestrictedAsync(subject, restricted, at, cancellationToken).ConfigureAwait(false);
        _cache.TryRemove(subject, out _);
    }

    /// <summary>Writes an objection through to the store and the cache.</summary>
    public async Task AddObjectionAsync(SubjectRef subject, string purpose, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await store.AddObjectionAsync(subject, purpose, at, cancellationToken).ConfigureAwait(false);
        _cache.TryRemove(subject, out _);
    }

    private Entry Get(SubjectRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_cache.TryGetValue(subject, out var cached) && (_lifetime == TimeSpan.MaxValue || time.GetUtcNow() < cached.ReadAt + _lifetime))
        {
            return cached;
        }

        // A store answers from memory or, once per subject (and cache lifetime), from its database.
        var restricted = store.IsRestrictedAsync(subject, CancellationToken.None).GetAwaiter().GetResult();
        var objections = store.GetObjectionsAsync(subject, CancellationToken.None).GetAwaiter().GetResult();
        var entry = new Entry(restricted, objections.ToHashSet(StringComparer.Ordinal), time.GetUtcNow());
        _cache[subject] = entry;
        return entry;
    }

    private sealed record Entry(bool Restricted, HashSet<string> Objections, DateTimeOffset ReadAt);
}
