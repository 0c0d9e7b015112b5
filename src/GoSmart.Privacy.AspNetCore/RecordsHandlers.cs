using GoSmart.Privacy.Records;
using Microsoft.AspNetCore.Http;
using static GoSmart.Privacy.AspNetCore.EndpointSupport;

namespace GoSmart.Privacy.AspNetCore;

/// <summary>
/// What Step 12's records tell people: the notice (Art. 13/14, the right to be informed) for the caller's controller,
/// and, before an erasure, what it will erase, change and keep. Built once (<see cref="PrivacyRecordsCache"/>).
/// </summary>
internal static class RecordsHandlers
{
    /// <summary>The notice of the caller's controller: a signed-in subject's or visitor's tenant when it has a disclosure of its own, otherwise the host's. JSON, or the HTML fragment with <c>?format=html</c>.</summary>
    public static IResult Notice(HttpContext context, string? format, PrivacyRecordsCache records)
    {
        var tenant = SelfServiceHandlers.Subject(context)?.TenantId ?? Options(context).VisitorTenantOf(context);
        var notice = PrivacyNotice.From(records.Records, records.ControllerOf(tenant).TenantId);
        return string.Equals(format, "html", StringComparison.OrdinalIgnoreCase)
            ? Results.Content(notice.ToHtml(), "text/html; charset=utf-8")
            : Json(notice);
    }

    /// <summary>What an erasure would do to the signed-in subject's data, area by area.</summary>
    public static IResult PreviewErasure(HttpContext context, PrivacyRecordsCache records) =>
        SelfServiceHandlers.Subject(context) is null ? SelfServiceHandlers.NoSubject() : Json(records.Preview);
}

/// <summary>The records of processing and the erasure preview, built once: they change only with a deploy.</summary>
/// <param name="records">Builds the records.</param>
internal sealed class PrivacyRecordsCache(IRecordsOfProcessing records)
{
    private readonly Lazy<RecordsOfProcessing> _records = new(records.Build, LazyThreadSafetyMode.ExecutionAndPublication);
    private ErasurePreview? _preview;

    /// <summary>Gets the records.</summary>
    public RecordsOfProcessing Records => _records.Value;

    /// <summary>The controller a tenant's people deal with: the tenant's own record when it has a disclosure, otherwise the host's.</summary>
    /// <param name="tenantId">The tenant, or <see langword="null"/> for the host.</param>
    /// <returns>The controller's record.</returns>
    public ControllerRecord ControllerOf(string? tenantId) =>
        Records.Controllers.FirstOrDefault(c => c.TenantId == tenantId) ?? Records.Controllers.First(c => c.TenantId is null);

    /// <summary>Gets the erasure preview.</summary>
    public ErasurePreview Preview => LazyInitializer.EnsureInitialized(ref _preview, () => global::GoSmart.Privacy.Records.ErasurePreview.From(Records));
}
