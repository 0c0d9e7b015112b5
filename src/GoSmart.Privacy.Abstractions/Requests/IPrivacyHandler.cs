namespace GoSmart.Privacy;

/// <summary>What every handler a host registers declares: a stable name and the tagged types it covers.</summary>
public interface IPrivacyHandler
{
    /// <summary>Gets the handler's stable name, e.g. <c>crm.contacts</c>: it names the section of the access package and the step of a request; never change it once requests have run.</summary>
    string Name { get; }

    /// <summary>Gets the tagged entity types whose records this handler reaches. Types with a <see cref="DataSubjectIdAttribute"/> that no erasure handler covers are reported in every erasure report.</summary>
    IReadOnlyCollection<Type> Covers { get; }
}
