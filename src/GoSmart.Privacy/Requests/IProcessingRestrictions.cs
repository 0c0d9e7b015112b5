using System.Collections.Concurrent;

namespace GoSmart.Privacy;

/// <summary>
/// Answers, on a host's hot path, whether a subject's processing is restricted (Art. 18) and whether they
/// objected to a purpose (Art. 21). Answers are cached per subject and updated by every restriction, lift and
/// objection request this process handles.
/// </summary>
public interface IProcessingRestrictions
{
    /// <summary>Whether processing of <paramref name="subject"/>'s data is restricted: store it, do not use it.</summary>
    /// <param name="subject">The subject.</param>
    /// <returns><see langword="true"/> when restricted.</returns>
    bool IsRestricted(SubjectRef subject);

    /// <summary>Whether <paramref name="subject"/> objected to processing for <paramref name="purpose"/>.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="purpose">A purpose key, e.g. <see cref="ProcessingPurposes.MarketingCommunications"/>.</param>
    /// <returns><see langword="true"/> when they objected.</returns>
    bool HasObjected(SubjectRef subject, string purpose);
}

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
