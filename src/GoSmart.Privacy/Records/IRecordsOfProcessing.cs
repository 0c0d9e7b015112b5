namespace GoSmart.Privacy.Records;

/// <summary>
/// Builds the records of processing activities (Art. 30) and the notice (Art. 13/14) from the service's running
/// configuration — the plans, the purposes, the handlers, the retention rules — so what is recorded and told is what the
/// code does. Registered by <c>AddGoSmartPrivacy</c>.
/// </summary>
public interface IRecordsOfProcessing
{
    /// <summary>Builds the records now.</summary>
    /// <returns>The records.</returns>
    RecordsOfProcessing Build();

    /// <summary>Builds the notice a subject of <paramref name="tenantId"/> is shown: the tenant's own, as controller, when the host processes data on its behalf; otherwise the host's.</summary>
    /// <param name="tenantId">The tenant, or <see langword="null"/> for the host's own notice.</param>
    /// <returns>The notice.</returns>
    PrivacyNotice Notice(string? tenantId = null);
}
