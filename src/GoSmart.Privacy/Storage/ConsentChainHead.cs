using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace GoSmart.Privacy.Storage;

/// <summary>The newest event of a tenant's chain, which a store keeps next to the events (and a host may publish elsewhere as an anchor).</summary>
/// <param name="Sequence">The newest event's sequence.</param>
/// <param name="Hash">Its hash.</param>
public sealed record ConsentChainHead(long Sequence, string Hash);
