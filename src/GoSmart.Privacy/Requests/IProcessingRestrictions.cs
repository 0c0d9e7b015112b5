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

/// <summary>The default <see cref="IProcessingRestrictions"/>: a per-subject cache in front of <see cref="IRestrictionStore"/>.</summary>
internal sealed class ProcessingRestrictions(IRestrictionStore store) : IProcessingRestrictions
{
    private readonly ConcurrentDictionary<SubjectRef, Entry> _cache = new();

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
        return _cache.GetOrAdd(subject, static (s, st) =>
        {
            // A store answers from memory or, once per subject and process, from its database.
            var restricted = st.IsRestrictedAsync(s, CancellationToken.None).GetAwaiter().GetResult();
            var objections = st.GetObjectionsAsync(s, CancellationToken.None).GetAwaiter().GetResult();
            return new Entry(restricted, objections.ToHashSet(StringComparer.Ordinal));
        }, store);
    }

    private sealed record Entry(bool Restricted, HashSet<string> Objections);
}
