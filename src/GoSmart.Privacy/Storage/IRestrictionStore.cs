namespace GoSmart.Privacy.Storage;


/// <summary>Where restrictions of processing (Art. 18) and objections (Art. 21) are kept.</summary>
public interface IRestrictionStore
{
    /// <summary>Sets or lifts the restriction of a subject.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="restricted">Whether processing is restricted.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task SetRestrictedAsync(SubjectRef subject, bool restricted, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records an objection of a subject to one purpose.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="purpose">The purpose key.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task AddObjectionAsync(SubjectRef subject, string purpose, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Gets whether a subject's processing is restricted.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when restricted.</returns>
    Task<bool> IsRestrictedAsync(SubjectRef subject, CancellationToken cancellationToken);

    /// <summary>Gets the purposes a subject objected to.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The purpose keys.</returns>
    Task<IReadOnlyCollection<string>> GetObjectionsAsync(SubjectRef subject, CancellationToken cancellationToken);

    /// <summary>Gets whether other processes write to the same store (a shared database): cached answers then expire.</summary>
    bool IsShared => false;
}
