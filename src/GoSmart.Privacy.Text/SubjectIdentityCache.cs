using System.Collections.Concurrent;

namespace GoSmart.Privacy.Text;

/// <summary>
/// What identified each erased subject, kept in memory for an hour from the request's first step in this process, so
/// later steps still find their mentions after an earlier step erased the directory entry the identifiers came from.
/// At most 1,000 requests are kept; nothing is written anywhere.
/// </summary>
internal sealed class SubjectIdentityCache(TimeProvider time)
{
    private const int Capacity = 1_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, (FreeTextIdentity Identity, DateTimeOffset Until)> _entries = new();

    public bool TryGet(Guid requestId, out FreeTextIdentity identity)
    {
        if (_entries.TryGetValue(requestId, out var entry) && entry.Until > time.GetUtcNow())
        {
            identity = entry.Identity;
            return true;
        }

        identity = null!;
        return false;
    }

    public void Add(Guid requestId, FreeTextIdentity identity)
    {
        var now = time.GetUtcNow();
        if (_entries.Count >= Capacity)
        {
            foreach (var stale in _entries.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(stale, out _);
            }

            foreach (var oldest in _entries.OrderBy(e => e.Value.Until).Take(_entries.Count - Capacity + 1).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(oldest, out _);
            }
        }

        _entries[requestId] = (identity, now + Lifetime);
    }
}
