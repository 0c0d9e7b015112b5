namespace GoSmart.Privacy;

/// <summary>How a released legal hold gives its blocked erasure steps back to the request engine.</summary>
internal interface IHeldWorkQueue
{
    /// <summary>Makes the request's steps held by <paramref name="holdId"/> pending again, puts the request back in progress, and runs it when the host processes requests at once.</summary>
    /// <param name="requestId">The request.</param>
    /// <param name="holdId">The released hold.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when no step of the request was still held by it.</returns>
    Task<bool> RequeueHeldAsync(Guid requestId, Guid holdId, CancellationToken cancellationToken);
}
