using Microsoft.Extensions.Compliance.Redaction;

namespace GoSmart.Privacy;

/// <summary>
/// A Microsoft.Extensions.Compliance <see cref="Redactor"/> that replaces a value with the same keyed pseudonym
/// <see cref="ErasureStrategy.Hash"/> produces, so log lines about one person can be correlated without naming them.
/// </summary>
internal sealed class PseudonymRedactor : Redactor
{
    private readonly RedactionContext _context;

    /// <summary>Initializes the redactor.</summary>
    /// <param name="context">The SDK's redaction context (registered by <c>AddGoSmartPrivacy</c>).</param>
    public PseudonymRedactor(RedactionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <inheritdoc />
    public override int GetRedactedLength(ReadOnlySpan<char> input) => input.IsEmpty ? 0 : RedactionContext.PseudonymLength;

    /// <inheritdoc />
    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (source.IsEmpty)
        {
            return 0;
        }

        if (RedactionContext.IsPseudonym(source))
        {
            source.CopyTo(destination);
            return source.Length;
        }

        _context.WritePseudonym(source, destination);
        return RedactionContext.PseudonymLength;
    }
}
