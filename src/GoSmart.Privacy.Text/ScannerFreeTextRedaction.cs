using Microsoft.Extensions.Logging;

namespace GoSmart.Privacy.Text;

/// <summary>
/// The scanner's <see cref="IFreeTextRedaction"/>: asks the host's <see cref="ISubjectIdentifierSource"/>s (and the
/// subject id, when it is an e-mail address) how the subject is written about, and builds the request's rewriters.
/// </summary>
internal sealed partial class ScannerFreeTextRedaction(IPersonalDataScanner scanner, IEnumerable<ISubjectIdentifierSource> sources, TextScannerOptions options, SubjectIdentityCache cache, ILogger<ScannerFreeTextRedaction> logger) : IFreeTextRedaction
{
    public async ValueTask<IFreeTextRewriter?> ForErasureAsync(SubjectRef subject, Guid requestId, CancellationToken cancellationToken)
    {
        // The first step of the request in this process asks the sources before any handler has run; later steps reuse
        // the answer, so a step erasing the directory entry does not hide the subject from the steps after it.
        if (!cache.TryGet(requestId, out var identity))
        {
            identity = await IdentityAsync(subject, cancellationToken).ConfigureAwait(false);
            if (identity.IsEmpty)
            {
                NothingIdentifies(logger, requestId);
                return null;
            }

            cache.Add(requestId, identity);
        }

        return new SubjectMentionRewriter(scanner, identity, Context(identity), options.ErasedSubjectLabel);
    }

    public async ValueTask<IFreeTextRewriter?> ForDisclosureAsync(SubjectRef subject, Guid requestId, CancellationToken cancellationToken)
    {
        if (!options.MaskThirdPartiesInAccessPackages)
        {
            return null;
        }

        var identity = await IdentityAsync(subject, cancellationToken).ConfigureAwait(false);
        return new ThirdPartyMaskRewriter(scanner, identity, Context(identity));
    }

    private ScanContext Context(FreeTextIdentity identity) => new() { Participants = identity.Names, Region = options.DefaultRegion };

    private async Task<FreeTextIdentity> IdentityAsync(SubjectRef subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var names = new List<string>();
        var emails = new List<string>();
        var phones = new List<string>();
        if (scanner.Scan(subject.SubjectId) is [{ Type: TextEntityType.Email, Start: 0 } only] && only.Length == subject.SubjectId.Length)
        {
            emails.Add(subject.SubjectId); // a subject known by their e-mail address (a newsletter subscriber)
        }

        foreach (var source in sources)
        {
            if (await source.FindAsync(subject, cancellationToken).ConfigureAwait(false) is { } found)
            {
                names.AddRange(found.Names ?? []);
                emails.AddRange(found.EmailAddresses ?? []);
                phones.AddRange(found.PhoneNumbers ?? []);
            }
        }

        return new FreeTextIdentity(new SubjectIdentifiers { Names = names, EmailAddresses = emails, PhoneNumbers = phones }, options.DefaultRegion);
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Erasure {RequestId}: nothing identifies the subject in text (no ISubjectIdentifierSource knew them), so their mentions in other people's [FreeText] members were not searched. Register a source with AddSubjectIdentifiers<T>().")]
    private static partial void NothingIdentifies(ILogger logger, Guid requestId);
}
