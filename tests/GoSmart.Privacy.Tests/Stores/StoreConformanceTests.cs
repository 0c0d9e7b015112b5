namespace GoSmart.Privacy.Tests.Stores;

/// <summary>The stores one engine needs, as a conformance test opens them.</summary>
public sealed record Stores(IPrivacyRequestStore Requests, IStepLedger Steps, IEngineRegistry Engines, IRestrictionStore Restrictions, IPrivacyAuditLog Audit, IConsentStore Consent, ILegalHoldStore Holds, IRetentionSweepStore Sweeps, IErasureReplayLedger Replay, ISubjectKeyStore Keys)
{
    /// <summary>Every store over one relational database, as <c>UseSqlite</c> and <c>UsePostgreSql</c> register them.</summary>
    internal static Stores Over(RelationalDatabase database, ConsentChain? chain = null) =>
        new(new RelationalRequestStore(database), new RelationalStepLedger(database), new RelationalEngineRegistry(database), new RelationalRestrictionStore(database), new RelationalAuditLog(database),
            new RelationalConsentStore(database, chain ?? new ConsentChain(TestKeys.Key)), new RelationalLegalHoldStore(database), new RelationalRetentionSweepStore(database), new RelationalErasureReplayLedger(database), new RelationalSubjectKeyStore(database));
}

/// <summary>
/// The contract every store keeps, written once and run against each store: the in-memory one, SQLite, and (with
/// the next step) PostgreSQL. <see cref="Reopen"/> opens the same storage again, as a restarted process would.
/// </summary>
public abstract class StoreConformanceTests
{
    protected static readonly ConsentChain Chain = new(TestKeys.Key);

    private static readonly SubjectRef Ada = new("acme", "ada");

    /// <summary>Opens the stores on the storage under test.</summary>
    protected abstract Stores Open();

    /// <summary>Opens the same storage again (a restart).</summary>
    protected abstract Stores Reopen();

    /// <summary>Runs SQL against the storage directly, as someone with access to the database could; <see langword="false"/> when the store has no SQL storage.</summary>
    protected virtual Task<bool> TamperAsync(string sql) => Task.FromResult(false);

    /// <summary>The ledger every tampering case starts from: s0 grants e-mail (event 1) and withdraws it last (event 7).</summary>
    private static readonly (string Subject, string Purpose, ConsentDecision Decision)[] Ledger =
    [
        ("s0", "email", ConsentDecision.Granted), ("s1", "email", ConsentDecision.Granted), ("s0", "sms", ConsentDecision.Granted), ("s2", "email", ConsentDecision.Granted),
        ("s1", "email", ConsentDecision.Withdrawn), ("s2", "sms", ConsentDecision.Withdrawn), ("s0", "email", ConsentDecision.Withdrawn),
    ];

    /// <summary>Every single tampering of a stored ledger row: each column of each event, each deletion, each swap of neighbours, the head, and each projection row re-pointed, deleted or invented.</summary>
    private static IEnumerable<(string What, string Sql)> Tamperings(string t)
    {
        var n = Ledger.Length;
        for (var k = 1; k <= n; k++)
        {
            var row = $"tenant_id = '{t}' AND sequence = {k}";
            yield return ($"event {k}: subject moved", $"UPDATE consent_events SET subject_id = subject_id || 'x' WHERE {row}");
            yield return ($"event {k}: purpose changed", $"UPDATE consent_events SET purpose = purpose || 'x' WHERE {row}");
            yield return ($"event {k}: subject kind changed", $"UPDATE consent_events SET subject_kind = subject_kind + 1 WHERE {row}");
            yield return ($"event {k}: id changed", $"UPDATE consent_events SET id = '{Guid.NewGuid():D}' WHERE {row}");
            yield return ($"event {k}: payload edited", $"UPDATE consent_events SET payload = replace(payload, '\"test\"', '\"forged\"') WHERE {row}");
            yield return ($"event {k}: previous hash edited", $"UPDATE consent_events SET previous_hash = 'x' || previous_hash WHERE {row}");
            yield return ($"event {k}: hash edited", $"UPDATE consent_events SET hash = 'x' || hash WHERE {row}");
            yield return ($"event {k}: moved to another tenant", $"UPDATE consent_events SET tenant_id = tenant_id || '-other' WHERE {row}");
            yield return ($"event {k}: deleted", $"DELETE FROM consent_events WHERE {row}");
            if (k < n)
            {
                yield return ($"events {k} and {k + 1}: swapped", $"UPDATE consent_events SET sequence = -1 WHERE {row}; UPDATE consent_events SET sequence = {k} WHERE tenant_id = '{t}' AND sequence = {k + 1}; UPDATE consent_events SET sequence = {k + 1} WHERE tenant_id = '{t}' AND sequence = -1");
            }
        }

        yield return ("head moved back", $"UPDATE consent_heads SET sequence = sequence - 1 WHERE tenant_id = '{t}'");
        yield return ("head hash edited", $"UPDATE consent_heads SET hash = 'x' || hash WHERE tenant_id = '{t}'");
        foreach (var (subject, purpose) in Ledger.Select(l => (l.Subject, l.Purpose)).Distinct())
        {
            var key = $"tenant_id = '{t}' AND subject_id = '{subject}' AND purpose = '{purpose}'";
            if (Ledger.Count(l => l.Subject == subject && l.Purpose == purpose) > 1)
            {
                yield return ($"projection of {subject}/{purpose}: re-pointed at its oldest event", $"UPDATE consent_latest SET sequence = (SELECT MIN(sequence) FROM consent_events WHERE {key}) WHERE {key}");
            }

            yield return ($"projection of {subject}/{purpose}: re-pointed at another event", $"UPDATE consent_latest SET sequence = CASE WHEN sequence = 1 THEN 2 ELSE 1 END WHERE {key}");
            yield return ($"projection of {subject}/{purpose}: deleted", $"DELETE FROM consent_latest WHERE {key}");
        }

        yield return ("projection entry invented", $"INSERT INTO consent_latest (tenant_id, subject_id, subject_kind, purpose, sequence) VALUES ('{t}', 'zed', 0, 'email', 1)");
    }

    [SkippableFact]
    public async Task Any_single_edit_deletion_reorder_or_repointing_of_a_stored_ledger_row_is_detected()
    {
        var stores = Open();
        Skip.IfNot(await TamperAsync("SELECT 1"), "this store has no SQL storage to tamper with (ConsentLedgerTests tamper with the in-memory one)");
        var probe = "probe-" + Guid.NewGuid().ToString("N");
        var tried = 0;
        foreach (var (what, _) in Tamperings(probe))
        {
            var tenant = await SeedLedgerAsync(stores);

            Assert.True((await VerifyAsync(stores, tenant)).IsIntact);
            var sql = Tamperings(tenant).Single(c => c.What == what).Sql;
            Assert.True(await TamperAsync(sql));

            var report = await VerifyAsync(stores, tenant);

            Assert.False(report.IsIntact, $"undetected: {what}");
            tried++;
        }

        Assert.Equal(84, tried); // 9 per event, 6 swaps, 2 on the head, 13 on the projection
    }

    [SkippableFact]
    public async Task A_re_pointed_projection_is_found_and_rebuilt_so_a_withdrawn_consent_reads_withdrawn_again()
    {
        var stores = Open();
        Skip.IfNot(await TamperAsync("SELECT 1"), "this store has no SQL storage to tamper with");
        var tenant = await SeedLedgerAsync(stores);

        var s0 = new SubjectRef(tenant, "s0");
        await TamperAsync($"UPDATE consent_latest SET sequence = 1 WHERE tenant_id = '{tenant}' AND subject_id = 's0' AND purpose = 'email'");
        Assert.Equal(ConsentDecision.Granted, (await stores.Consent.GetLatestAsync(s0, "email", default))!.Decision); // what the attack achieves
        Assert.Contains("points at event 1, but their newest event is 7", (await VerifyAsync(stores, tenant)).Problem, StringComparison.Ordinal);

        await stores.Consent.RebuildProjectionAsync(tenant, default);

        Assert.True((await VerifyAsync(stores, tenant)).IsIntact);
        Assert.Equal(ConsentDecision.Withdrawn, (await stores.Consent.GetLatestAsync(s0, "email", default))!.Decision);
    }

    [SkippableFact]
    public async Task An_event_whose_subject_column_was_moved_leaves_no_one_a_false_history()
    {
        var stores = Open();
        Skip.IfNot(await TamperAsync("SELECT 1"), "this store has no SQL storage to tamper with");
        var tenant = await SeedLedgerAsync(stores);

        await TamperAsync($"UPDATE consent_events SET subject_id = 's9' WHERE tenant_id = '{tenant}' AND sequence = 1");

        Assert.Empty(await stores.Consent.ReadSubjectAsync(new SubjectRef(tenant, "s9"), default).ToListAsync());
        Assert.Contains("altered", (await VerifyAsync(stores, tenant)).Problem, StringComparison.Ordinal);
    }

    /// <summary>Writes <see cref="Ledger"/> for a new tenant, so tamperings on a shared database never meet.</summary>
    private static async Task<string> SeedLedgerAsync(Stores stores)
    {
        var tenant = "t" + Guid.NewGuid().ToString("N");
        foreach (var (subject, purpose, decision) in Ledger)
        {
            await stores.Consent.AppendAsync(Draft(new SubjectRef(tenant, subject), purpose, decision), default);
        }

        return tenant;
    }

    private static async Task<ConsentIntegrityReport> VerifyAsync(Stores stores, string tenant) =>
        await Chain.VerifyAsync(tenant, stores.Consent.ReadTenantAsync(tenant, default), await stores.Consent.GetHeadAsync(tenant, default), stores.Consent.ReadProjectionAsync(tenant, default), default);

    [SkippableFact]
    public async Task A_request_is_added_read_and_updated_with_optimistic_concurrency()
    {
        var stores = Open();
        var request = NewRequest(PrivacyRequestKind.Erasure, Ada) with { Corrections = [], Reason = "Zoë's \"reason\"", OutOfScopeTypes = [new OutOfScopeType("Billing.Invoice", "kept 6 years")] };

        var added = await stores.Requests.AddOrGetOpenAsync(request, default);
        var read = await stores.Requests.GetAsync(request.Id, default);
        var updated = await stores.Requests.UpdateAsync(read! with { Status = PrivacyRequestStatus.InProgress }, default);

        Assert.Equal(1, added.Version);
        Assert.Equal(request with { Version = 1 }, read with { Corrections = request.Corrections, UncoveredTypes = request.UncoveredTypes, OutOfScopeTypes = request.OutOfScopeTypes });
        Assert.Equal(request.OutOfScopeTypes, read!.OutOfScopeTypes);
        Assert.Equal(2, updated.Version);
        await Assert.ThrowsAsync<PrivacyConcurrencyException>(() => stores.Requests.UpdateAsync(read! with { Status = PrivacyRequestStatus.Cancelled }, default));
        await Assert.ThrowsAsync<PrivacyException>(() => stores.Requests.UpdateAsync(NewRequest(PrivacyRequestKind.Access, Ada), default));
        Assert.Equal(PrivacyRequestStatus.InProgress, (await Reopen().Requests.GetAsync(request.Id, default))!.Status);
        Assert.Null(await stores.Requests.GetAsync(Guid.NewGuid(), default));
    }

    [SkippableFact]
    public async Task Rectification_corrections_and_uncovered_types_survive_storage()
    {
        var stores = Open();
        var request = NewRequest(PrivacyRequestKind.Rectification, Ada) with { Corrections = [new MemberCorrection("Contact", "Email", "ada@example.com"), new MemberCorrection("Contact", "LastName", null)], UncoveredTypes = ["Crm.Lead"] };

        await stores.Requests.AddOrGetOpenAsync(request, default);
        var read = (await Reopen().Requests.GetAsync(request.Id, default))!;

        Assert.Equal(request.Corrections, read.Corrections);
        Assert.Equal(request.UncoveredTypes, read.UncoveredTypes);
        Assert.Equal(request.Subject, read.Subject);
        Assert.Equal(request.DueAt, read.DueAt);
    }

    [SkippableFact]
    public async Task An_open_request_of_the_same_kind_and_subject_is_returned_even_to_concurrent_adds()
    {
        var stores = Open();
        var attempts = Enumerable.Range(0, 12).Select(_ => NewRequest(PrivacyRequestKind.Access, Ada)).ToList();

        var stored = await Task.WhenAll(attempts.Select(r => Task.Run(() => stores.Requests.AddOrGetOpenAsync(r, default))));

        Assert.Single(stored.Select(r => r.Id).Distinct());
        var other = await stores.Requests.AddOrGetOpenAsync(NewRequest(PrivacyRequestKind.Objection, Ada) with { Purpose = "a" }, default);
        var otherPurpose = await stores.Requests.AddOrGetOpenAsync(NewRequest(PrivacyRequestKind.Objection, Ada) with { Purpose = "b" }, default);
        Assert.NotEqual(other.Id, otherPurpose.Id);
    }

    [SkippableFact]
    public async Task Queries_filter_by_tenant_subject_status_kind_and_overdue()
    {
        var stores = Open();
        var t0 = new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero);
        await stores.Requests.AddOrGetOpenAsync(NewRequest(PrivacyRequestKind.Access, Ada, t0), default);
        await stores.Requests.AddOrGetOpenAsync(NewRequest(PrivacyRequestKind.Erasure, Ada, t0.AddDays(1)), default);
        var closed = await stores.Requests.AddOrGetOpenAsync(NewRequest(PrivacyRequestKind.Access, new SubjectRef("globex", "ada"), t0.AddDays(2)), default);
        await stores.Requests.UpdateAsync(closed with { Status = PrivacyRequestStatus.Completed }, default);

        Assert.Equal(2, await stores.Requests.QueryAsync(new PrivacyRequestQuery { TenantId = "acme" }, default).CountAsync());
        Assert.Equal(3, await stores.Requests.QueryAsync(new PrivacyRequestQuery { SubjectId = "ada" }, default).CountAsync());
        Assert.Single(await stores.Requests.QueryAsync(new PrivacyRequestQuery { Status = PrivacyRequestStatus.Completed }, default).ToListAsync());
        Assert.Equal(2, await stores.Requests.QueryAsync(new PrivacyRequestQuery { Kind = PrivacyRequestKind.Access }, default).CountAsync());
        var overdue = await stores.Requests.QueryAsync(new PrivacyRequestQuery { OverdueAt = t0.AddMonths(1).AddDays(1).AddHours(12) }, default).ToListAsync();
        Assert.Equal([PrivacyRequestKind.Access], overdue.Select(r => r.Kind));
        Assert.Equal([t0, t0.AddDays(1), t0.AddDays(2)], await stores.Requests.QueryAsync(new PrivacyRequestQuery(), default).Select(r => r.ReceivedAt).ToListAsync());
    }

    [SkippableFact]
    public async Task Steps_are_written_replaced_and_read_back_with_their_results()
    {
        var stores = Open();
        var request = await stores.Requests.AddOrGetOpenAsync(NewRequest(PrivacyRequestKind.Erasure, Ada), default);
        var at = new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);
        var result = new HandlerResult(3, 2, 0, 1, 0, [new ExemptionCount(ErasureExemption.LegalClaims, 2)], ["newsletter-provider"]);

        await stores.Steps.SaveStepAsync(new StepRecord(request.Id, "crm.contacts", StepState.Started, 1, at, null, null), default);
        await stores.Steps.SaveStepAsync(new StepRecord(request.Id, "crm.contacts", StepState.Completed, 1, at.AddSeconds(1), result, null), default);
        await stores.Steps.SaveStepAsync(new StepRecord(request.Id, "chat.messages", StepState.Failed, 3, at, null, "TimeoutException: slow"), default);

        var steps = await Reopen().Steps.GetStepsAsync(request.Id, default);
        Assert.Equal(["chat.messages", "crm.contacts"], steps.Select(s => s.Handler));
        Assert.Equal(StepState.Completed, steps[1].State);
        Assert.Equal(result.Exemptions, steps[1].Result!.Exemptions);
        Assert.Equal(result.RecipientsNotified, steps[1].Result!.RecipientsNotified);
        Assert.Equal(result with { Exemptions = steps[1].Result!.Exemptions, RecipientsNotified = steps[1].Result!.RecipientsNotified }, steps[1].Result);
        Assert.Equal("TimeoutException: slow", steps[0].Error);
        Assert.Empty(await stores.Steps.GetStepsAsync(Guid.NewGuid(), default));
    }

    [SkippableFact]
    public async Task Restrictions_and_objections_are_kept_per_subject_and_tenant()
    {
        var stores = Open();
        var at = DateTimeOffset.UnixEpoch;
        await stores.Restrictions.SetRestrictedAsync(Ada, true, at, default);
        await stores.Restrictions.AddObjectionAsync(Ada, "marketing", at, default);
        await stores.Restrictions.AddObjectionAsync(Ada, "marketing", at, default);
        await stores.Restrictions.AddObjectionAsync(Ada, "analytics", at, default);

        var reopened = Reopen();
        Assert.True(await reopened.Restrictions.IsRestrictedAsync(Ada, default));
        Assert.False(await reopened.Restrictions.IsRestrictedAsync(new SubjectRef("globex", "ada"), default));
        Assert.Equal(["analytics", "marketing"], (await reopened.Restrictions.GetObjectionsAsync(Ada, default)).Order(StringComparer.Ordinal));
        await stores.Restrictions.SetRestrictedAsync(Ada, false, at, default);
        Assert.False(await Reopen().Restrictions.IsRestrictedAsync(Ada, default));
    }

    [SkippableFact]
    public async Task Legal_holds_are_stored_released_once_and_remember_the_steps_they_blocked()
    {
        var stores = Open();
        var at = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var hold = new LegalHold { Id = Guid.NewGuid(), Scope = LegalHoldScope.Subject, TenantId = "acme", Target = "ada", Reason = "litigation", Reference = "CASE-1", PlacedBy = "counsel", PlacedAt = at };
        var other = hold with { Id = Guid.NewGuid(), Scope = LegalHoldScope.Category, TenantId = null, Target = DataCategories.Payment, PlacedAt = at.AddMinutes(1) };
        await stores.Holds.AddAsync(hold, default);
        await stores.Holds.AddAsync(other, default);
        var request = Guid.NewGuid();
        await stores.Holds.RecordBlockedAsync(new HeldStep(hold.Id, request, "crm/Contact", at), default);
        await stores.Holds.RecordBlockedAsync(new HeldStep(hold.Id, request, "crm/Contact", at.AddSeconds(5)), default); // a step run again after a crash
        await stores.Holds.RecordBlockedAsync(new HeldStep(hold.Id, request, "chat/Post", at.AddSeconds(1)), default);

        var released = hold with { ReleasedAt = at.AddDays(30), ReleasedBy = "counsel" };
        Assert.True(await stores.Holds.ReleaseAsync(released, default));
        Assert.False(await stores.Holds.ReleaseAsync(released with { ReleasedBy = "someone else" }, default));
        Assert.False(await stores.Holds.ReleaseAsync(released with { Id = Guid.NewGuid() }, default));

        var reopened = Reopen();
        Assert.Equal([other], await reopened.Holds.ListAsync(includeReleased: false, default));
        Assert.Equal([released, other], await reopened.Holds.ListAsync(includeReleased: true, default));
        Assert.Equal(released, await reopened.Holds.GetAsync(hold.Id, default));
        Assert.Null(await reopened.Holds.GetAsync(Guid.NewGuid(), default));
        Assert.Equal([("crm/Contact", at), ("chat/Post", at.AddSeconds(1))], (await reopened.Holds.GetBlockedAsync(hold.Id, default)).Select(b => (b.Handler, b.At)));
        Assert.Empty(await reopened.Holds.GetBlockedAsync(other.Id, default));
    }

    [SkippableFact]
    public async Task Retention_cursors_are_written_only_over_the_version_they_were_read_with()
    {
        var stores = Open();
        var at = new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.Zero);
        var first = new RetentionCursor("old-posts", "chat/ChatPost", 0) { InFlightBefore = at, Owner = "a", LeaseUntil = at.AddMinutes(2) };

        Assert.True(await stores.Sweeps.TrySaveCursorAsync(first, default));
        Assert.False(await stores.Sweeps.TrySaveCursorAsync(first with { Owner = "b" }, default)); // a second instance claiming the same window
        var tallies = new RetentionSweepLine("old-posts", "chat/ChatPost", DateTimeOffset.MinValue, at, 4, 0, 0, 1, 2, [Guid.NewGuid()], null);
        Assert.True(await stores.Sweeps.TrySaveCursorAsync(first with { Version = 1, Progress = "[2]", Tallies = tallies }, default));
        Assert.False(await stores.Sweeps.TrySaveCursorAsync(first with { Version = 1, Progress = "[9]" }, default));

        var read = await Reopen().Sweeps.GetCursorAsync("old-posts", "chat/ChatPost", default);
        Assert.Equal((2L, "[2]", "a", at), (read!.Version, read.Progress, read.Owner, read.InFlightBefore!.Value));
        Assert.Equal(tallies with { HeldBy = read.Tallies!.HeldBy }, read.Tallies);
        Assert.Equal(tallies.HeldBy, read.Tallies.HeldBy);
        Assert.Null(await stores.Sweeps.GetCursorAsync("old-posts", "chat/Other", default));

        var hold = Guid.NewGuid();
        var window = new RetentionHeldWindow(hold, "old-posts", "chat/ChatPost", DateTimeOffset.MinValue, at);
        await stores.Sweeps.RecordHeldAsync(window, default);
        await stores.Sweeps.RecordHeldAsync(window, default);
        await stores.Sweeps.RecordHeldAsync(window with { ExpiredAfter = at, ExpiredBefore = at.AddDays(1) }, default);
        Assert.Equal([window, window with { ExpiredAfter = at, ExpiredBefore = at.AddDays(1) }], await Reopen().Sweeps.GetHeldAsync(hold, default));
        Assert.Empty(await stores.Sweeps.GetHeldAsync(Guid.NewGuid(), default));
    }

    [SkippableFact]
    public async Task The_replay_ledger_keeps_one_entry_per_erasure_found_by_completion_time()
    {
        var stores = Open();
        var at = new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);
        var a = new ErasureReplayEntry(Guid.NewGuid(), "acme", "hmac:x", DataSubjectKind.Customer, "sealed-a", ["crm.contacts"], at);
        var b = a with { RequestId = Guid.NewGuid(), SealedSubjectId = "sealed-b", CompletedAt = at.AddHours(1) };
        await stores.Replay.RecordAsync(a, default);
        await stores.Replay.RecordAsync(b, default);
        await stores.Replay.RecordAsync(a with { Handlers = ["chat.messages", "crm.contacts"], CompletedAt = at.AddHours(2) }, default); // completed again after a hold's release

        var since = await Reopen().Replay.SinceAsync(at.AddMinutes(30), default);

        Assert.Equal([b.RequestId, a.RequestId], since.Select(e => e.RequestId));
        Assert.Equal(["chat.messages", "crm.contacts"], since[1].Handlers);
        Assert.Equal(2, (await stores.Replay.SinceAsync(at, default)).Count);
        Assert.Empty(await stores.Replay.SinceAsync(at.AddHours(3), default));
    }

    [SkippableFact]
    public async Task Subject_keys_are_added_once_destroyed_once_leave_a_tombstone_and_are_rewrapped_in_order()
    {
        var stores = Open();
        var at = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
        var ada = new SubjectKeyRecord("acme", "hmac:ada", [1, 2, 3], at, null);
        Assert.Equal([1, 2, 3], (await stores.Keys.AddOrGetAsync(ada, default)).WrappedKey);
        Assert.Equal([1, 2, 3], (await stores.Keys.AddOrGetAsync(ada with { WrappedKey = [9] }, default)).WrappedKey); // a second writer gets the first key
        await stores.Keys.AddOrGetAsync(ada with { SubjectHash = "hmac:grace", WrappedKey = [4] }, default);
        await stores.Keys.AddOrGetAsync(ada with { TenantId = "globex", WrappedKey = [5] }, default);

        Assert.True(await stores.Keys.DestroyAsync("acme", "hmac:ada", at.AddDays(1), default));
        Assert.False(await stores.Keys.DestroyAsync("acme", "hmac:ada", at.AddDays(2), default)); // idempotent
        Assert.False(await stores.Keys.DestroyAsync("acme", "hmac:never", at.AddDays(2), default)); // a tombstone for a subject with no key

        var reopened = Reopen();
        var destroyed = await reopened.Keys.GetAsync("acme", "hmac:ada", default);
        Assert.Equal((null, at.AddDays(1)), (destroyed!.WrappedKey, destroyed.DestroyedAt));
        Assert.NotNull((await reopened.Keys.GetAsync("acme", "hmac:never", default))!.DestroyedAt);
        Assert.Null((await reopened.Keys.AddOrGetAsync(ada with { SubjectHash = "hmac:never", WrappedKey = [7] }, default)).WrappedKey); // no key after a tombstone
        Assert.Null(await reopened.Keys.GetAsync("acme", "hmac:nobody", default));

        var first = await reopened.Keys.ListLiveAsync(null, 1, default);
        var rest = await reopened.Keys.ListLiveAsync((first[0].TenantId, first[0].SubjectHash), 10, default);
        Assert.Equal([("acme", "hmac:grace"), ("globex", "hmac:ada")], first.Concat(rest).Select(k => (k.TenantId, k.SubjectHash)));
        Assert.True(await reopened.Keys.RewrapAsync(first[0] with { WrappedKey = [42] }, default));
        Assert.False(await reopened.Keys.RewrapAsync(destroyed with { WrappedKey = [42] }, default));
        Assert.Equal([42], (await Reopen().Keys.GetAsync("acme", "hmac:grace", default))!.WrappedKey);
    }

    [SkippableFact]
    public async Task The_audit_log_keeps_events_in_order()
    {
        var stores = Open();
        var id = Guid.NewGuid();
        var events = Enumerable.Range(0, 5).Select(i => new PrivacyAuditEvent(DateTimeOffset.UnixEpoch.AddSeconds(i), id, "acme", "hmac:x", "event-" + i, i % 2 == 0 ? "crm" : null, "ok", i % 3 == 0 ? i : null)).ToList();
        foreach (var e in events)
        {
            await stores.Audit.AppendAsync(e, default);
        }

        Assert.Equal(events, await Reopen().Audit.QueryAsync(id, default).ToListAsync());
        Assert.Empty(await stores.Audit.QueryAsync(Guid.NewGuid(), default).ToListAsync());
    }

    [SkippableFact]
    public async Task The_consent_ledger_chains_projects_and_survives_a_restart()
    {
        var stores = Open();
        var first = await stores.Consent.AppendAsync(Draft(Ada, "email", ConsentDecision.Granted), default);
        var second = await stores.Consent.AppendAsync(Draft(Ada, "email", ConsentDecision.Withdrawn), default);
        await stores.Consent.AppendAsync(Draft(new SubjectRef("acme", "grace"), "email", ConsentDecision.Granted), default);
        await stores.Consent.AppendAsync(Draft(new SubjectRef("globex", "ada"), "email", ConsentDecision.Granted), default);

        var reopened = Reopen();
        Assert.Equal(1, first.Sequence);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(second, await reopened.Consent.GetLatestAsync(Ada, "email", default));
        Assert.Null(await reopened.Consent.GetLatestAsync(Ada, "events", default));
        Assert.Equal([first, second], await reopened.Consent.ReadSubjectAsync(Ada, default).ToListAsync());
        Assert.Equal(new ConsentChainHead(3, (await reopened.Consent.ReadTenantAsync("acme", default).LastAsync()).Hash), await reopened.Consent.GetHeadAsync("acme", default));
        var report = await Chain.VerifyAsync("acme", reopened.Consent.ReadTenantAsync("acme", default), await reopened.Consent.GetHeadAsync("acme", default), reopened.Consent.ReadProjectionAsync("acme", default), default);
        Assert.True(report.IsIntact, report.Problem);
        Assert.Null(await reopened.Consent.GetHeadAsync("initech", default));
    }

    [SkippableFact]
    public async Task Concurrent_consent_writers_keep_one_valid_chain_per_tenant()
    {
        var stores = Open();
        var second = Reopen(); // another instance on the same storage

        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var store = w % 2 == 0 ? stores.Consent : second.Consent;
            for (var i = 0; i < 25; i++)
            {
                await store.AppendAsync(Draft(new SubjectRef("acme", "s" + (i % 3)), "email", i % 2 == 0 ? ConsentDecision.Granted : ConsentDecision.Withdrawn), default);
            }
        })));

        var report = await Chain.VerifyAsync("acme", stores.Consent.ReadTenantAsync("acme", default), await stores.Consent.GetHeadAsync("acme", default), stores.Consent.ReadProjectionAsync("acme", default), default);
        Assert.True(report.IsIntact, report.Problem);
        Assert.Equal(200, report.EventsChecked);
    }

    [SkippableFact]
    public async Task A_step_is_claimed_by_one_owner_at_a_time_renewed_finished_and_reclaimed_after_its_lease_ends()
    {
        var stores = Open();
        var other = Reopen();
        var request = await stores.Requests.AddOrGetOpenAsync(NewRequest(PrivacyRequestKind.Erasure, Ada), default);
        var t = new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);
        await stores.Steps.EnsureStepsAsync(request.Id, ["crm", "chat"], t, default);
        await other.Steps.EnsureStepsAsync(request.Id, ["crm"], t, default);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => (i % 2 == 0 ? stores : other).Steps.TryClaimStepAsync(request.Id, "crm", "owner-" + i, t, t.AddMinutes(2), default))));
        var winner = Assert.Single(claims, c => c is not null)!;
        Assert.Equal(1, winner.Attempts);
        Assert.Equal(StepState.Started, winner.State);
        Assert.Null(await other.Steps.TryClaimStepAsync(request.Id, "crm", "late", t.AddMinutes(1), t.AddMinutes(3), default));
        Assert.True(await stores.Steps.RenewLeaseAsync(request.Id, "crm", winner.Owner!, t.AddMinutes(5), default));
        Assert.False(await other.Steps.RenewLeaseAsync(request.Id, "crm", "late", t.AddMinutes(9), default));
        Assert.Null(await other.Steps.TryClaimStepAsync(request.Id, "crm", "late", t.AddMinutes(4), t.AddMinutes(6), default));

        Assert.True(await stores.Steps.SaveProgressAsync(request.Id, "crm", winner.Owner!, "batch-1", HandlerResult.Empty with { Changed = 7 }, default));
        Assert.False(await other.Steps.SaveProgressAsync(request.Id, "crm", "late", "batch-9", HandlerResult.Empty, default)); // only the holder records progress

        var reclaimed = await other.Steps.TryClaimStepAsync(request.Id, "crm", "rescuer", t.AddMinutes(6), t.AddMinutes(8), default); // the winner crashed
        Assert.NotNull(reclaimed);
        Assert.Equal(2, reclaimed.Attempts);
        Assert.Equal(("batch-1", 7), (reclaimed.Progress, reclaimed.Result!.Changed)); // the rescuer resumes where the winner got to
        Assert.False(await stores.Steps.FinishStepAsync(winner with { State = StepState.Completed }, winner.Owner!, default)); // the lost lease writes nothing
        Assert.True(await other.Steps.FinishStepAsync(reclaimed with { State = StepState.Completed, Result = HandlerResult.Empty }, "rescuer", default));
        Assert.Null(await stores.Steps.TryClaimStepAsync(request.Id, "crm", "again", t.AddHours(1), t.AddHours(2), default));

        var steps = await Reopen().Steps.GetStepsAsync(request.Id, default);
        Assert.Equal([("chat", StepState.Pending), ("crm", StepState.Completed)], steps.Select(s => (s.Handler, s.State)));
        Assert.Null(steps[1].Owner);
        Assert.Null(steps[1].LeaseUntil);
    }

    [SkippableFact]
    public async Task Engine_instances_register_their_handlers_and_heartbeats()
    {
        var stores = Open();
        var t = new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);
        await stores.Engines.HeartbeatAsync(new EngineRegistration("i1", "crm", [new HandlerRegistration(PrivacyRequestKind.Erasure, "crm.contacts")], t), default);
        await stores.Engines.HeartbeatAsync(new EngineRegistration("i2", "chat", [new HandlerRegistration(PrivacyRequestKind.Erasure, "chat.messages")], t), default);
        await stores.Engines.HeartbeatAsync(new EngineRegistration("i1", "crm", [new HandlerRegistration(PrivacyRequestKind.Erasure, "crm.contacts"), new HandlerRegistration(PrivacyRequestKind.Rectification, "crm.contacts")], t.AddSeconds(30)), default);

        var engines = await Reopen().Engines.GetEnginesAsync(default);

        Assert.Equal(["i1", "i2"], engines.Select(e => e.InstanceId).Order(StringComparer.Ordinal));
        var crm = engines.Single(e => e.InstanceId == "i1");
        Assert.Equal(t.AddSeconds(30), crm.HeartbeatAt);
        Assert.Equal(2, crm.Handlers.Count);
    }

    protected static PrivacyRequest NewRequest(PrivacyRequestKind kind, SubjectRef subject, DateTimeOffset? at = null)
    {
        var received = at ?? new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.Zero);
        return new PrivacyRequest { Id = Guid.NewGuid(), Kind = kind, Subject = subject, Status = PrivacyRequestStatus.Received, ReceivedAt = received, DueAt = RequestDeadlines.DueAt(received) };
    }

    private static ConsentEvent Draft(SubjectRef subject, string purpose, ConsentDecision decision) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = subject.TenantId,
        SubjectId = subject.SubjectId,
        SubjectKind = subject.Kind,
        Purpose = purpose,
        Decision = decision,
        NoticeVersion = 1,
        At = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
        Method = ConsentMethod.Form,
        Source = "test",
        TruncatedIp = "203.0.113.0",
        ExpiresAt = decision == ConsentDecision.Granted ? new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero) : null,
    };
}

public sealed class InMemoryStoreConformanceTests : StoreConformanceTests
{
    private Stores? _stores;

    protected override Stores Open() => _stores ??= new Stores(new InMemoryPrivacyRequestStore(), new InMemoryStepLedger(), new InMemoryEngineRegistry(), new InMemoryRestrictionStore(), new InMemoryPrivacyAuditLog(), new InMemoryConsentStore(Chain), new InMemoryLegalHoldStore(), new InMemoryRetentionSweepStore(), new InMemoryErasureReplayLedger(), new InMemorySubjectKeyStore());

    protected override Stores Reopen() => Open(); // memory has no restart: the same instances
}
