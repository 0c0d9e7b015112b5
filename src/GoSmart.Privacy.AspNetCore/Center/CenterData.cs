using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>What the center reads about the signed-in subject: their requests, whether their data is restricted, and the fields they can correct.</summary>
internal static class CenterData
{
    /// <summary>How many of a subject's records one exporter reads to fill the correction form; a form is filled only from a type's single record.</summary>
    private const int PrefillRecordLimit = 200;

    /// <summary>The subject's requests, newest first.</summary>
    public static async Task<List<PrivacyRequest>> RequestsAsync(HttpContext context, SubjectRef subject) =>
        [.. (await EndpointSupport.OwnRequestsAsync(context, context.RequestServices.GetRequiredService<IPrivacyRequestService>(), subject).ConfigureAwait(false)).OrderByDescending(r => r.ReceivedAt)];

    /// <summary>When the subject's data became restricted, or <see langword="null"/>: the latest completed restriction not lifted by a later completed lift.</summary>
    public static DateTimeOffset? RestrictedSince(IEnumerable<PrivacyRequest> requests) =>
        requests.Where(r => r.Kind is PrivacyRequestKind.Restriction or PrivacyRequestKind.LiftRestriction && r.Status is PrivacyRequestStatus.Completed or PrivacyRequestStatus.CompletedWithExemptions)
            .OrderByDescending(r => r.ClosedAt ?? r.ReceivedAt).FirstOrDefault() is { Kind: PrivacyRequestKind.Restriction } latest ? latest.ClosedAt ?? latest.ReceivedAt : null;

    /// <summary>
    /// The members the subject can correct — those of the types a rectification handler covers, not subject ids, one
    /// value each (no collections) — with their current value where the subject has exactly one record of the type.
    /// The values are read through the exporters and the plans, as an access package reads them; nothing is stored.
    /// </summary>
    public static async Task<List<CorrectableField>> FieldsAsync(HttpContext context, SubjectRef subject)
    {
        using var scope = context.RequestServices.CreateScope();
        var types = GoSmart.Privacy.Requests.Engine.RegisteredHandlers.Of<IRectificationHandler>(scope.ServiceProvider).SelectMany(h => h.Covers).Distinct().ToList();
        var values = new Dictionary<(Type, string), string?>();
        var single = new HashSet<Type>();
        foreach (var exporter in GoSmart.Privacy.Requests.Engine.RegisteredHandlers.Of<IPersonalDataExporter>(scope.ServiceProvider).Where(e => e.Covers.Any(types.Contains)))
        {
            var seen = new Dictionary<Type, int>();
            var read = 0;
            await foreach (var record in exporter.ExportAsync(subject, context.RequestAborted).ConfigureAwait(false))
            {
                if (record is null || ++read > PrefillRecordLimit)
                {
                    break;
                }

                var type = record.GetType();
                var plan = PersonalDataPlans.For(type);
                if (!types.Contains(type) || plan.SubjectIdPath is null || !string.Equals(Convert.ToString(plan.GetSubjectId(record), CultureInfo.InvariantCulture), subject.SubjectId, StringComparison.Ordinal))
                {
                    continue; // another person's record, in which the subject only appears
                }

                seen[type] = seen.GetValueOrDefault(type) + 1;
                if (seen[type] == 1)
                {
                    Read(plan, record, values);
                }
            }

            single.UnionWith(seen.Where(s => s.Value == 1).Select(s => s.Key));
        }

        return [.. types.SelectMany(type => PersonalDataPlans.For(type).Members
            .Where(m => !m.IsSubjectId && m.IsWritable && m.Path.IndexOfAny(['.', '[', '{']) < 0)
            .Select(m => new CorrectableField(type, m, single.Contains(type) ? values.GetValueOrDefault((type, m.Path)) : null, single.Contains(type))))];
    }

    /// <summary>The flat members' values of one record, as text in the invariant culture, from the plan's JSON.</summary>
    private static void Read(IPersonalDataPlan plan, object record, Dictionary<(Type, string), string?> values)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            plan.WriteJson(writer, record);
        }

        using var json = JsonDocument.Parse(buffer.WrittenMemory);
        foreach (var member in plan.Members)
        {
            if (json.RootElement.TryGetProperty(member.ExportName, out var value))
            {
                values[(plan.EntityType, member.Path)] = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                    _ => null,
                };
            }
        }
    }
}

/// <summary>A member the subject can correct, and its value now when it is known.</summary>
/// <param name="Type">The tagged type.</param>
/// <param name="Member">The member.</param>
/// <param name="Current">Its value now, or <see langword="null"/>.</param>
/// <param name="Known">Whether the value now is known (the subject has exactly one record of the type).</param>
internal sealed record CorrectableField(Type Type, PersonalMember Member, string? Current, bool Known)
{
    /// <summary>Gets the form field's name: <c>c.{Type}.{Member}</c>.</summary>
    public string Name => "c." + Type.Name + "." + Member.Path;

    /// <summary>Gets the label: the type and the member, in words.</summary>
    public string Label => Export.RecordHtml.Words(Type.Name) + " — " + Export.RecordHtml.Words(Member.ExportName);
}
