namespace GoSmart.Privacy;

/// <summary>What <see cref="IPrivacyRequestService.ReplayErasuresAsync"/> re-erased after a restore.</summary>
/// <param name="Since">The backup's time: erasures completed at or after it were replayed.</param>
/// <param name="Erasures">One line per subject re-erased (a subject erased twice since is replayed once).</param>
public sealed record ErasureReplayReport(DateTimeOffset Since, IReadOnlyList<ReplayedErasure> Erasures);
