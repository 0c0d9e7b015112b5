namespace GoSmart.Privacy.Records;

/// <summary>
/// Compares the records of two builds, purpose by purpose, and names each notice that changed materially — its
/// fingerprint moved — while its version stayed: grants given under the old text must stop counting, so the purpose
/// needs a new material <see cref="NoticeVersion"/>. The build-time records (<c>GoSmartPrivacyRecords</c>) and
/// <c>gosmart-privacy records --compare</c> run it against the committed file.
/// </summary>
public static class NoticeChanges
{
    /// <summary>Finds the purposes whose notice changed materially without a version bump.</summary>
    /// <param name="previous">The records of the last published build.</param>
    /// <param name="current">The records now.</param>
    /// <returns>One change per such purpose, per controller.</returns>
    public static IReadOnlyList<NoticeChange> Unversioned(RecordsOfProcessing previous, RecordsOfProcessing current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var before = previous.Controllers.SelectMany(c => c.Activities.Select(a => (c.TenantId, a))).ToDictionary(x => (x.TenantId ?? string.Empty, x.a.Purpose), x => x.a);
        var changes = new List<NoticeChange>();
        foreach (var controller in current.Controllers)
        {
            foreach (var activity in controller.Activities)
            {
                if (before.TryGetValue((controller.TenantId ?? string.Empty, activity.Purpose), out var old)
                    && old.NoticeFingerprint != activity.NoticeFingerprint
                    && activity.NoticeVersion <= old.NoticeVersion)
                {
                    changes.Add(new NoticeChange(controller.TenantId, activity.Purpose, old.NoticeVersion, $"The notice of purpose '{activity.Purpose}'{(controller.TenantId is null ? string.Empty : $" (tenant '{controller.TenantId}')")} changed materially (what is collected, why, who receives it, where it goes or how long it is kept) but is still version {activity.NoticeVersion}. Add a new material NoticeVersion({old.NoticeVersion + 1}, IsMaterial: true) to its ConsentPurpose so earlier grants stop counting, or revert the change."));
                }
            }
        }

        return changes;
    }
}
