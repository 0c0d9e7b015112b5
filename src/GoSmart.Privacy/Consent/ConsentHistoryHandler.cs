using System.Runtime.CompilerServices;

namespace GoSmart.Privacy;

/// <summary>
/// Puts the subject's consent history in the access package (section <c>consent.history</c>), and answers erasure
/// requests for it: consent records are proof that processing was lawful (Art. 7(1)), so they are retained under
/// the legal-claims exemption — reported, never silently kept.
/// </summary>
internal sealed class ConsentHistoryHandler(IConsentService consent) : IPersonalDataExporter, IErasureHandler
{
    /// <inheritdoc />
    public string Name => "consent.history";

    /// <inheritdoc />
    public IReadOnlyCollection<Type> Covers { get; } = [typeof(ConsentEvent)];

    /// <inheritdoc />
    public async IAsyncEnumerable<object> ExportAsync(SubjectRef subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in consent.HistoryAsync(subject, cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }

    /// <inheritdoc />
    public async Task EraseAsync(IErasureContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await foreach (var e in consent.HistoryAsync(context.Subject, cancellationToken).ConfigureAwait(false))
        {
            var record = e;
            context.Apply(ref record); // every member is Retain under LegalClaims: counted, not changed
        }
    }
}
