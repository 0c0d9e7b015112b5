using System.Net;

namespace GoSmart.Privacy;

/// <summary>How a tenant's chain was found.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="EventsChecked">How many events were read.</param>
/// <param name="FirstBrokenSequence">The first event where the chain breaks, or <see langword="null"/> when it is intact.</param>
/// <param name="Problem">What is wrong there.</param>
public sealed record ConsentIntegrityReport(string TenantId, long EventsChecked, long? FirstBrokenSequence, string? Problem)
{
    /// <summary>Gets whether the chain is intact.</summary>
    public bool IsIntact => FirstBrokenSequence is null;
}
