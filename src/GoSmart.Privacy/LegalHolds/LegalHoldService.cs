using GoSmart.Privacy.Requests.Engine;
using GoSmart.Privacy.Retention;
using GoSmart.Privacy.Storage;

namespace GoSmart.Privacy;

/// <summary>
/// Places, lists and releases legal holds, auditing each (the subject only as a keyed hash), and on release hands the
/// erasure steps the hold blocked back to the request engine.
/// </summary>
internal sealed class LegalHoldService(ILegalHoldStore store, IPrivacyAuditLog log, RedactionContext redaction, IPrivacyRequestService requests, RetentionSweeper sweeper, TimeProvider time) : ILegalHolds
{
    private const int MaxText = 1000;
    private readonly RequestAudit _audit = new(log, redaction, time);

    /// <inheritdoc />
    public async Task<LegalHold> PlaceAsync(LegalHoldPlacement placement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(placement);
        Check(placement);
        var hold = new LegalHold
        {
            Id = Guid.NewGuid(),
            Scope = placement.Scope,
            TenantId = placement.Scope == LegalHoldScope.Tenant ? placement.Target : placement.TenantId,
            Target = placement.Target,
            Reason = placement.Reason,
            Reference = placement.Reference,
            PlacedBy = placement.PlacedBy,
            PlacedAt = time.GetUtcNow(),
        };
        await store.AddAsync(hold, cancellationToken).ConfigureAwait(false);
        await AuditAsync(hold, "hold.placed", cancellationToken).ConfigureAwait(false);
        return hold;
    }

    /// <inheritdoc />
    public async Task<LegalHoldRelease> ReleaseAsync(Guid holdId, string releasedBy, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(releasedBy))
        {
            throw new PrivacyException("Releasing a legal hold needs who releases it (a user name or service): it is kept with the hold and audited.");
        }

        var hold = await store.GetAsync(holdId, cancellationToken).ConfigureAwait(false)
            ?? throw new PrivacyException($"There is no legal hold {holdId}. List the holds (ILegalHolds.ListAsync, or GET /privacy/tenants/{{tenantId}}/holds) and release one of theirs.");
        var released = hold with { ReleasedBy = releasedBy, ReleasedAt = time.GetUtcNow() };
        if (!hold.IsActive || !await store.ReleaseAsync(released, cancellationToken).ConfigureAwait(false))
        {
            var stored = await store.GetAsync(holdId, cancellationToken).ConfigureAwait(false);
            throw new PrivacyException($"Legal hold {holdId} was already released by {stored?.ReleasedBy} at {stored?.ReleasedAt:O}; there is nothing to release.");
        }

        await AuditAsync(released, "hold.released", cancellationToken).ConfigureAwait(false);
        var requeued = new List<Guid>();
        if (requests is IHeldWorkQueue queue)
        {
            foreach (var requestId in (await store.GetBlockedAsync(holdId, cancellationToken).ConfigureAwait(false)).Select(b => b.RequestId).Distinct())
            {
                if (await queue.RequeueHeldAsync(requestId, holdId, cancellationToken).ConfigureAwait(false))
                {
                    requeued.Add(requestId);
                }
            }
        }

        var swept = await sweeper.SweepReleasedAsync(released, cancellationToken).ConfigureAwait(false);
        return new LegalHoldRelease(released, requeued) { RetentionSwept = swept };
    }

    /// <inheritdoc />
    public Task<LegalHold?> GetAsync(Guid holdId, CancellationToken cancellationToken = default) => store.GetAsync(holdId, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<LegalHold>> ListAsync(string? tenantId = null, bool includeReleased = false, CancellationToken cancellationToken = default)
    {
        var holds = await store.ListAsync(includeReleased, cancellationToken).ConfigureAwait(false);
        return tenantId is null ? holds : [.. holds.Where(h => h.TenantId is null || string.Equals(h.TenantId, tenantId, StringComparison.Ordinal))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LegalHold>> HoldingAsync(SubjectRef subject, string handler, IReadOnlySet<string> categories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(categories);
        return [.. (await store.ListAsync(includeReleased: false, cancellationToken).ConfigureAwait(false)).Where(h => h.Holds(subject, handler, categories))];
    }

    private static void Check(LegalHoldPlacement p)
    {
        if (!Enum.IsDefined(p.Scope))
        {
            throw new PrivacyException($"'{(int)p.Scope}' is not a LegalHoldScope. Hold one of: {string.Join(", ", Enum.GetNames<LegalHoldScope>())}.");
        }

        if (string.IsNullOrWhiteSpace(p.Target) || p.Target.Length > SubjectRef.MaxIdLength)
        {
            throw new PrivacyException($"A {p.Scope} legal hold needs its target ({TargetText(p.Scope)}), of at most {SubjectRef.MaxIdLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(p.Reason) || p.Reason.Length > MaxText || string.IsNullOrWhiteSpace(p.PlacedBy) || p.PlacedBy.Length > MaxText || p.Reference?.Length > MaxText)
        {
            throw new PrivacyException($"A legal hold needs why it is placed (Reason, e.g. \"litigation: contract dispute\") and who places it (PlacedBy), each of at most {MaxText} characters; the case Reference is optional.");
        }

        if (p.Scope == LegalHoldScope.Subject && string.IsNullOrWhiteSpace(p.TenantId))
        {
            throw new PrivacyException("A subject legal hold needs the subject's tenant: set TenantId, since the same subject id may exist in several tenants.");
        }

        if (p.Scope == LegalHoldScope.Category && !RetentionRules.KnownCategories().Contains(p.Target))
        {
            throw new PrivacyException($"The legal hold names the category '{p.Target}', which is neither in the taxonomy nor tagged on any known type. Use a DataCategories constant such as DataCategories.Payment (check the spelling), or the key a [PersonalField] of yours uses.");
        }
    }

    private static string TargetText(LegalHoldScope scope) => scope switch
    {
        LegalHoldScope.Subject => "the subject id",
        LegalHoldScope.Tenant => "the tenant id",
        LegalHoldScope.Category => "a data-category key, e.g. DataCategories.Payment",
        _ => "a handler's name, e.g. 'crm.db/Invoice'",
    };

    private Task AuditAsync(LegalHold hold, string auditEvent, CancellationToken cancellationToken)
    {
        var subjectHash = hold.Scope == LegalHoldScope.Subject ? _audit.SubjectHash(new SubjectRef(hold.TenantId!, hold.Target)) : string.Empty;
        var outcome = hold.Scope is LegalHoldScope.Category or LegalHoldScope.Handler ? $"{hold.Scope}:{hold.Target}" : hold.Scope.ToString();
        return log.AppendAsync(new PrivacyAuditEvent(time.GetUtcNow(), hold.Id, hold.TenantId ?? "*", subjectHash, auditEvent, null, outcome, null), cancellationToken);
    }
}
