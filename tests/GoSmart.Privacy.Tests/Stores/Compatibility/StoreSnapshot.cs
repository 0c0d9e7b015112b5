using System.Text;

namespace GoSmart.Privacy.Tests.Stores.Compatibility;

/// <summary>
/// Everything a privacy database holds, read back through the store contracts and written as text: the requests,
/// their steps and audit trail, restrictions and objections, the engines, and each tenant's consent chain, head and
/// projection. The fixture's expected snapshot was read by the code that wrote the database; today's code must read
/// the same.
/// </summary>
internal static class StoreSnapshot
{
    public static readonly SubjectRef[] Subjects = [new("acme", "ada"), new("acme", "grace"), new("globex", "ada")];

    public static readonly string[] Tenants = ["acme", "globex"];

    public static async Task<string> ReadAsync(Stores stores)
    {
        var (requests, steps, engines, restrictions, audit, consent, _, _, _, _) = stores;
        var text = new StringBuilder();
        await foreach (var request in requests.QueryAsync(new PrivacyRequestQuery(), default))
        {
            text.Append("request ").AppendLine(StoredRecords.Serialize(request));
            foreach (var step in await steps.GetStepsAsync(request.Id, default))
            {
                text.Append("  step ").AppendLine(StoredRecords.Serialize(step));
            }

            await foreach (var e in audit.QueryAsync(request.Id, default))
            {
                text.Append("  audit ").AppendLine(StoredRecords.Serialize(e));
            }
        }

        foreach (var engine in await engines.GetEnginesAsync(default))
        {
            text.Append("engine ").AppendLine(StoredRecords.Serialize(engine));
        }

        foreach (var subject in Subjects)
        {
            text.Append("subject ").Append(subject).Append(" restricted=").Append(await restrictions.IsRestrictedAsync(subject, default))
                .Append(" objections=").AppendLine(string.Join(',', await restrictions.GetObjectionsAsync(subject, default)));
            await foreach (var e in consent.ReadSubjectAsync(subject, default))
            {
                text.Append("  consent ").AppendLine(StoredRecords.Serialize(e));
            }
        }

        foreach (var tenant in Tenants)
        {
            text.Append("tenant ").Append(tenant).Append(" head=").AppendLine(StoredRecords.Serialize(await consent.GetHeadAsync(tenant, default)));
            await foreach (var e in consent.ReadTenantAsync(tenant, default))
            {
                text.Append("  chain ").AppendLine(StoredRecords.Serialize(e));
            }

            foreach (var entry in (await consent.ReadProjectionAsync(tenant, default).ToListAsync()).OrderBy(p => p.Subject.SubjectId, StringComparer.Ordinal).ThenBy(p => p.Purpose, StringComparer.Ordinal))
            {
                text.Append("  latest ").AppendLine(StoredRecords.Serialize(entry));
            }
        }

        return text.ToString();
    }
}
