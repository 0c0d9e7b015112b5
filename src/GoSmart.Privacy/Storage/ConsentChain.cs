using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace GoSmart.Privacy.Storage;

/// <summary>
/// Seals and verifies the consent ledger's per-tenant chain: each event's hash is an HMAC-SHA256, under a key
/// derived from the pseudonym key, over its fields and the previous event's hash. Someone who can write to the
/// store but does not hold the key cannot forge a chain. Stores call <see cref="Seal"/> inside their append.
/// </summary>
public sealed class ConsentChain
{
    private readonly byte[] _key;

    /// <summary>Creates a chain under a key derived from the pseudonym key.</summary>
    /// <param name="pseudonymKey">The pseudonym key, at least 32 bytes.</param>
    public ConsentChain(ReadOnlySpan<byte> pseudonymKey)
    {
        _key = DerivedKeys.Derive(pseudonymKey, "gosmart.privacy.consent-chain", "pseudonym");
    }

    /// <summary>Gives <paramref name="draft"/> its place after <paramref name="head"/>: sequence, previous hash and hash.</summary>
    /// <param name="draft">The event to append.</param>
    /// <param name="head">The tenant's newest event, or <see langword="null"/> for the first.</param>
    /// <returns>The sealed event.</returns>
    public ConsentEvent Seal(ConsentEvent draft, ConsentChainHead? head)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var sealedEvent = draft with { Sequence = (head?.Sequence ?? 0) + 1, PreviousHash = head?.Hash ?? string.Empty, Hash = string.Empty };
        return sealedEvent with { Hash = HashOf(sealedEvent) };
    }

    /// <summary>
    /// Checks a tenant's events, in the order the store returns them, against each other and against the store's head,
    /// and, when given, the projection against the chain: each (subject, purpose) must point at its newest event.
    /// Stores return events with their indexed columns in place of the sealed values, so an edited column breaks a hash.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="events">The tenant's events, oldest first.</param>
    /// <param name="head">The head the store keeps, or <see langword="null"/> when it keeps none.</param>
    /// <param name="projection">The store's projection, or <see langword="null"/> to check the chain only.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The first place the chain breaks, if any.</returns>
    public async Task<ConsentIntegrityReport> VerifyAsync(string tenantId, IAsyncEnumerable<ConsentEvent> events, ConsentChainHead? head, IAsyncEnumerable<ConsentProjectionEntry>? projection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        long expected = 1;
        var previous = string.Empty;
        long checkedCount = 0;
        var newest = new Dictionary<(SubjectRef, string), long>();
        await foreach (var e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            checkedCount++;
            if (e.TenantId != tenantId)
            {
                return new(tenantId, checkedCount, expected, $"An event of tenant '{e.TenantId}' is in this tenant's chain.");
            }

            if (e.Sequence != expected)
            {
                return new(tenantId, checkedCount, expected, $"Event {expected} is missing or out of order: found sequence {e.Sequence}.");
            }

            if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new(tenantId, checkedCount, expected, $"Event {expected} does not follow event {expected - 1}: its previous hash differs.");
            }

            if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(HashOf(e with { Hash = string.Empty })), System.Text.Encoding.ASCII.GetBytes(e.Hash)))
            {
                return new(tenantId, checkedCount, expected, $"Event {expected} was altered: its hash does not match its content.");
            }

            previous = e.Hash;
            newest[(e.Subject, e.Purpose)] = e.Sequence;
            expected++;
        }

        if (head is not null && (head.Sequence != expected - 1 || !string.Equals(head.Hash, previous, StringComparison.Ordinal)))
        {
            return new(tenantId, checkedCount, expected, $"The chain ends at event {expected - 1}, but the store's head is event {head.Sequence}: events were removed from its end.");
        }

        return projection is null ? new(tenantId, checkedCount, null, null) : await VerifyProjectionAsync(tenantId, checkedCount, newest, projection, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ConsentIntegrityReport> VerifyProjectionAsync(string tenantId, long checkedCount, Dictionary<(SubjectRef, string), long> newest, IAsyncEnumerable<ConsentProjectionEntry> projection, CancellationToken cancellationToken)
    {
        const string Fix = " Run IConsentService.RebuildProjectionAsync to re-derive it from the chain.";
        var seen = 0;
        await foreach (var entry in projection.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            seen++;
            if (!newest.TryGetValue((entry.Subject, entry.Purpose), out var sequence))
            {
                return new(tenantId, checkedCount, entry.Sequence, $"The projection has an entry for {entry.Subject.SubjectId} and '{entry.Purpose}', who never decided in the chain." + Fix);
            }

            if (sequence != entry.Sequence)
            {
                return new(tenantId, checkedCount, sequence, $"The projection for {entry.Subject.SubjectId} and '{entry.Purpose}' points at event {entry.Sequence}, but their newest event is {sequence}: checks would read a stale decision." + Fix);
            }
        }

        return seen == newest.Count
            ? new(tenantId, checkedCount, null, null)
            : new(tenantId, checkedCount, newest.Values.Min(), $"The projection has {seen} entries, but {newest.Count} (subject, purpose) pairs decided in the chain: some checks would find no decision." + Fix);
    }

    private string HashOf(ConsentEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            w.WriteStringValue(e.Id);
            w.WriteStringValue(e.TenantId);
            w.WriteStringValue(e.SubjectId);
            w.WriteNumberValue((int)e.SubjectKind);
            w.WriteStringValue(e.Purpose);
            w.WriteNumberValue((int)e.Decision);
            w.WriteNumberValue(e.NoticeVersion);
            w.WriteStringValue(e.At.ToUniversalTime());
            w.WriteNumberValue((int)e.Method);
            w.WriteStringValue(e.Source);
            w.WriteStringValue(e.FormReference);
            w.WriteStringValue(e.TruncatedIp);
            w.WriteStringValue(e.UserAgent);
            w.WriteStringValue(e.ParentalConsentReference);
            if (e.ExpiresAt is { } expires)
            {
                w.WriteStringValue(expires.ToUniversalTime());
            }
            else
            {
                w.WriteNullValue();
            }

            w.WriteNumberValue(e.Sequence);
            w.WriteStringValue(e.PreviousHash);
            w.WriteEndArray();
        }

        return Convert.ToBase64String(HMACSHA256.HashData(_key, buffer.WrittenSpan));
    }
}
