using GoSmart.Privacy.Storage;

namespace GoSmart.Privacy.CryptoShredding;

/// <summary>
/// The erasure step that destroys the subject's data key: every value encrypted under it, in every copy, becomes
/// unreadable. Idempotent; the certificate's line counts the key as one deleted record when this request destroyed it.
/// A legal hold on the subject holds this step like any other.
/// </summary>
internal sealed class CryptoShreddingHandler(IPersonalDataCipher cipher) : IErasureHandler
{
    /// <summary>The step's name.</summary>
    public const string HandlerName = "gosmart.crypto-shredding";

    private const string Done = "key-destroyed";

    public string Name => HandlerName;

    public IReadOnlyCollection<Type> Covers { get; } = [];

    public async Task EraseAsync(IErasureContext context, CancellationToken cancellationToken)
    {
        if (context.Progress == Done)
        {
            return; // destroyed by an earlier run of this step, counted then
        }

        if (await cipher.ShredAsync(context.Subject, cancellationToken).ConfigureAwait(false))
        {
            context.RecordDeleted(typeof(SubjectKeyRecord), 1);
        }

        await context.SaveProgressAsync(Done, cancellationToken).ConfigureAwait(false);
    }
}
