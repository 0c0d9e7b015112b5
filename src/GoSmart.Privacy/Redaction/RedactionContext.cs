using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace GoSmart.Privacy;

/// <summary>
/// The key and settings redaction uses. <see cref="ErasureStrategy.Hash"/> produces keyed HMAC-SHA256
/// pseudonyms: the same input and key always give the same pseudonym, another key gives another one,
/// and a pseudonym is recognised so that hashing twice changes nothing.
/// </summary>
public sealed class RedactionContext
{
    /// <summary>The smallest key length accepted, in bytes.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>The prefix of every string pseudonym.</summary>
    public const string PseudonymPrefix = "hmac:";

    private const int HashLength = 32;
    private const int EncodedHashLength = 43; // base64url of 32 bytes, unpadded
    private static readonly byte[] GuidMarkLabel = Encoding.UTF8.GetBytes("gosmart-privacy/guid-mark");
    private readonly byte[] _key;
    private readonly string? _scopeSubjectId;
    private readonly bool _keeping;
    private readonly IFreeTextRewriter? _freeText;

    /// <summary>Creates a context from a secret key of at least <see cref="MinimumKeyLength"/> bytes.</summary>
    /// <param name="key">The HMAC key. Keep it out of source code: load it from configuration or a secret store.</param>
    /// <exception cref="PrivacyException">The key is shorter than <see cref="MinimumKeyLength"/> bytes.</exception>
    public RedactionContext(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyLength)
        {
            throw new PrivacyException($"The pseudonym key is {key.Length} bytes long; it must be at least {MinimumKeyLength} bytes. Generate one with RandomNumberGenerator.GetBytes({MinimumKeyLength}) and store it as a secret.");
        }

        _key = key.ToArray();
    }

    private RedactionContext(byte[] key, string? scopeSubjectId, bool keeping, IFreeTextRewriter? freeText)
    {
        _key = key;
        _scopeSubjectId = scopeSubjectId;
        _keeping = keeping;
        _freeText = freeText;
    }

    /// <summary>
    /// Gets the subject whose own parts a redaction leaves alone, or <see langword="null"/>. Set by
    /// <see cref="KeepingSubject"/> for Art. 15(4): in a record, every part that belongs to someone else is
    /// redacted, and the parts that are the requesting subject's own are kept.
    /// </summary>
    public string? KeptSubjectId => _keeping ? _scopeSubjectId : null;

    /// <summary>
    /// Gets the subject whose parts alone a redaction changes, or <see langword="null"/>. Set by
    /// <see cref="ErasingOnlySubject"/> for erasure in other people's records (Art. 17): the erased subject's
    /// reaction, mention or read receipt in someone else's message is erased, and the rest is left intact.
    /// </summary>
    public string? ErasedSubjectId => _keeping ? null : _scopeSubjectId;

    /// <summary>Gets whether this context redacts every part of a record, whoever it belongs to (the default).</summary>
    public bool RedactsEverything => _scopeSubjectId is null;

    /// <summary>
    /// Returns a context under a key derived for one disclosure (an access package): other people's subject ids and
    /// hashed values it writes are pseudonyms stable within that package — the same person is recognisably the same
    /// person throughout it — but differ from the stored ones and from every other package's, so they link nothing.
    /// </summary>
    /// <param name="disclosureId">The disclosure, e.g. the request's id.</param>
    /// <returns>The context (redacting everything; scope it with <see cref="KeepingSubject"/>).</returns>
    public RedactionContext ForDisclosure(Guid disclosureId) =>
        new(DerivedKeys.Derive(_key, "gosmart.privacy.disclosure/" + disclosureId.ToString("N"), "pseudonym"), null, false, _freeText);

    /// <summary>Returns a context with the same key that redacts every part of a record except those owned by <paramref name="subjectId"/>.</summary>
    /// <param name="subjectId">The subject id, as <see cref="SubjectRef.Format"/> writes it.</param>
    /// <returns>The context.</returns>
    public RedactionContext KeepingSubject(string subjectId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        return new RedactionContext(_key, subjectId, keeping: true, _freeText);
    }

    /// <summary>Returns a context with the same key that redacts only the parts of a record owned by <paramref name="subjectId"/>.</summary>
    /// <param name="subjectId">The subject id, as <see cref="SubjectRef.Format"/> writes it.</param>
    /// <returns>The context.</returns>
    public RedactionContext ErasingOnlySubject(string subjectId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        return new RedactionContext(_key, subjectId, keeping: false, _freeText);
    }

    /// <summary>
    /// Returns a context with the same key and scope that rewrites <see cref="FreeTextAttribute"/> members with
    /// <paramref name="rewriter"/> where its scope says (<see cref="ErasureFreeText"/>, <see cref="DisclosureFreeText"/>).
    /// </summary>
    /// <param name="rewriter">The rewriter, or <see langword="null"/> for none (free text is then redacted like any member).</param>
    /// <returns>The context.</returns>
    public RedactionContext WithFreeText(IFreeTextRewriter? rewriter) => new(_key, _scopeSubjectId, _keeping, rewriter);

    /// <summary>
    /// Gets, under <see cref="ErasingOnlySubject"/>, the rewriter that replaces the erased subject's mentions inside the
    /// <see cref="FreeTextAttribute"/> members of other people's parts — the parts redaction otherwise leaves intact —
    /// or <see langword="null"/>. Used by plans.
    /// </summary>
    public IFreeTextRewriter? ErasureFreeText => _keeping || _scopeSubjectId is null ? null : _freeText;

    /// <summary>
    /// Gets, under <see cref="KeepingSubject"/>, the rewriter that masks third parties' data inside the
    /// <see cref="FreeTextAttribute"/> members of other people's parts as they are disclosed (Art. 15(4)) — written
    /// instead of their strategy's result, so the subject reads what was said to them without what it says about
    /// others — or <see langword="null"/>. Used by plans.
    /// </summary>
    public IFreeTextRewriter? DisclosureFreeText => _keeping ? _freeText : null;

    /// <summary>Whether a nested record whose subject id is <paramref name="subjectId"/> is left alone by <see cref="KeepingSubject"/>.</summary>
    /// <param name="subjectId">The nested record's subject id, as its plan reads it.</param>
    /// <returns><see langword="true"/> when it is the kept subject's.</returns>
    public bool Keeps(object? subjectId) => _keeping && IsScopeSubject(subjectId);

    /// <summary>
    /// Whether the part of a record owned by <paramref name="ownerId"/> is redacted: always by default, unless it is
    /// the kept subject's under <see cref="KeepingSubject"/>, and only if it is the erased subject's under
    /// <see cref="ErasingOnlySubject"/>. A part's owner is the subject id of the nearest object around it that has
    /// one (<see langword="null"/> when none has). Used by plans.
    /// </summary>
    /// <param name="ownerId">The owner's subject id, as its plan reads it, or <see langword="null"/>.</param>
    /// <returns>Whether the part's strategies apply.</returns>
    public bool Applies(object? ownerId) => _scopeSubjectId is null || (_keeping ? !IsScopeSubject(ownerId) : IsScopeSubject(ownerId));

    private bool IsScopeSubject(object? subjectId) =>
        subjectId is not null && string.Equals(SubjectRef.Format(subjectId), _scopeSubjectId, StringComparison.Ordinal);

    /// <summary>Gets the length of every string pseudonym.</summary>
    public static int PseudonymLength => PseudonymPrefix.Length + EncodedHashLength;

    /// <summary>Returns the keyed pseudonym of <paramref name="value"/>, or the value itself when it already is a pseudonym.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A string of the form <c>hmac:</c> followed by 43 base64url characters.</returns>
    public string Pseudonymize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return IsPseudonym(value) ? value : string.Create(PseudonymLength, (this, value), static (dest, state) => state.Item1.WritePseudonym(state.value, dest));
    }

    /// <summary>Writes the pseudonym of <paramref name="value"/> into <paramref name="destination"/>, which must hold <see cref="PseudonymLength"/> characters.</summary>
    /// <param name="value">The value.</param>
    /// <param name="destination">Where the pseudonym goes.</param>
    public void WritePseudonym(ReadOnlySpan<char> value, Span<char> destination)
    {
        if (destination.Length < PseudonymLength)
        {
            throw new ArgumentException($"The destination must hold {PseudonymLength} characters.", nameof(destination));
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length) + 2;
        byte[]? rented = null;
        var buffer = max <= 512 ? stackalloc byte[max] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            buffer[0] = (byte)'s';
            buffer[1] = (byte)':';
            var written = Encoding.UTF8.GetBytes(value, buffer[2..]);
            Span<byte> hash = stackalloc byte[HashLength];
            HMACSHA256.HashData(_key, buffer[..(written + 2)], hash);
            PseudonymPrefix.AsSpan().CopyTo(destination);
            Base64UrlEncode(hash, destination.Slice(PseudonymPrefix.Length, EncodedHashLength));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Returns the keyed pseudonym of <paramref name="value"/>: a version-8 UUID that carries a keyed mark, or the value itself when it already is one.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The pseudonym.</returns>
    public Guid Pseudonymize(Guid value)
    {
        if (IsPseudonym(value))
        {
            return value;
        }

        Span<byte> input = stackalloc byte[18];
        input[0] = (byte)'g';
        input[1] = (byte)':';
        value.TryWriteBytes(input[2..], bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[HashLength];
        HMACSHA256.HashData(_key, input, hash);
        Span<byte> result = stackalloc byte[16];
        hash[..10].CopyTo(result);
        result[6] = (byte)((result[6] & 0x0F) | 0x80); // version 8 (custom)
        result[8] = (byte)((result[8] & 0x3F) | 0x80); // RFC 9562 variant
        Mark(result[..10], result[10..]);
        return new Guid(result, bigEndian: true);
    }

    /// <summary>Whether <paramref name="value"/> has the form of a string pseudonym.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> for a pseudonym.</returns>
    public static bool IsPseudonym(ReadOnlySpan<char> value)
    {
        if (value.Length != PseudonymLength || !value.StartsWith(PseudonymPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value[PseudonymPrefix.Length..])
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="value"/> is a pseudonym made under this context's key.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> for a pseudonym of this key.</returns>
    public bool IsPseudonym(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        if ((bytes[6] & 0xF0) != 0x80 || (bytes[8] & 0xC0) != 0x80)
        {
            return false;
        }

        Span<byte> mark = stackalloc byte[6];
        Mark(bytes[..10], mark);
        return mark.SequenceEqual(bytes[10..]);
    }

    private void Mark(ReadOnlySpan<byte> head, Span<byte> mark)
    {
        Span<byte> input = stackalloc byte[GuidMarkLabel.Length + 10];
        GuidMarkLabel.CopyTo(input);
        head.CopyTo(input[GuidMarkLabel.Length..]);
        Span<byte> hash = stackalloc byte[HashLength];
        HMACSHA256.HashData(_key, input, hash);
        hash[..mark.Length].CopyTo(mark);
    }

    private static void Base64UrlEncode(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        Span<char> padded = stackalloc char[44];
        Convert.TryToBase64Chars(bytes, padded, out _);
        for (var i = 0; i < EncodedHashLength; i++)
        {
            var c = padded[i];
            destination[i] = c == '+' ? '-' : c == '/' ? '_' : c;
        }
    }
}
