using GoSmart.Privacy.AspNetCore;
using GoSmart.Privacy.Tests.Requests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GoSmart.Privacy.Tests.Telemetry;

/// <summary>The request deadline check on a real engine and a fake clock: healthy, then due soon, then overdue.</summary>
public class HealthCheckTests
{
    [Fact]
    public async Task An_open_request_is_healthy_then_degraded_near_its_due_date_then_unhealthy_past_it()
    {
        await using var host = new RequestTestHost();
        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, new SubjectRef("acme-health", Guid.NewGuid().ToString())));
        Assert.True(request.IsOpen); // an access request stays open until its package is written
        var check = new PrivacyRequestsHealthCheck(host.Service, host.Time, TimeSpan.FromDays(5));
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("gosmart-privacy-requests", check, HealthStatus.Unhealthy, null) };

        var fresh = await check.CheckHealthAsync(context);
        host.Time.SetUtcNow(request.DueAt - TimeSpan.FromDays(2));
        var soon = await check.CheckHealthAsync(context);
        host.Time.SetUtcNow(request.DueAt + TimeSpan.FromHours(1));
        var late = await check.CheckHealthAsync(context);

        Assert.Equal(HealthStatus.Healthy, fresh.Status);
        Assert.Equal((HealthStatus.Degraded, 1), (soon.Status, (int)soon.Data["dueSoon"]));
        Assert.Equal((HealthStatus.Unhealthy, 1), (late.Status, (int)late.Data["overdue"]));
        Assert.Contains("Art. 12(3)", late.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("acme-health", late.Description + soon.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_that_is_not_positive_is_refused_naming_the_fix()
    {
        var ex = Assert.Throws<PrivacyException>(() => new ServiceCollection().AddHealthChecks().AddGoSmartPrivacyRequests(TimeSpan.Zero));
        Assert.Contains("TimeSpan.FromDays(5)", ex.Message, StringComparison.Ordinal);
    }
}

/// <summary>The consent-ledger check: healthy while every named tenant's chain verifies, unhealthy naming the tenant once one is changed.</summary>
public class ConsentIntegrityHealthCheckTests
{
    [Fact]
    public async Task A_ledger_that_verifies_is_healthy_and_a_deleted_event_makes_the_check_unhealthy_naming_the_tenant()
    {
        await using var host = new GoSmart.Privacy.Tests.Consent.ConsentTestHost();
        var subject = new SubjectRef("acme", "ada");
        await host.Consent.GrantAsync(new ConsentGrant(subject, GoSmart.Privacy.Tests.Consent.ConsentTestHost.Email, ConsentMethod.Form, "test"));
        await host.Consent.WithdrawAsync(subject, GoSmart.Privacy.Tests.Consent.ConsentTestHost.Email, ConsentMethod.Form, "test");
        var check = new ConsentIntegrityHealthCheck(host.Consent, ["acme", "globex"]);
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("gosmart-privacy-consent", check, HealthStatus.Unhealthy, null) };

        var intact = await check.CheckHealthAsync(context);
        host.Store.Tamper("acme", events => events.RemoveAt(0)); // the grant disappears: the withdrawal's link no longer holds
        var broken = await check.CheckHealthAsync(context);

        Assert.Equal((HealthStatus.Healthy, 2L, 0L), (intact.Status, (long)intact.Data["acme"], (long)intact.Data["globex"]));
        Assert.Equal(HealthStatus.Unhealthy, broken.Status);
        Assert.Contains("tenant 'acme'", broken.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("globex", broken.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("ada", broken.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Naming_no_tenant_is_refused()
    {
        var ex = Assert.Throws<PrivacyException>(() => new ServiceCollection().AddHealthChecks().AddGoSmartPrivacyConsentIntegrity([]));
        Assert.Contains("tenant", ex.Message, StringComparison.Ordinal);
    }
}

/// <summary>The step backlog check: a step whose instance died, and a step no service takes, degrade it.</summary>
public class StepBacklogHealthCheckTests
{
    [Fact]
    public async Task An_expired_lease_and_a_step_waiting_too_long_degrade_the_check_naming_their_handlers()
    {
        await using var host = new RequestTestHost();
        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, new SubjectRef("acme-steps", Guid.NewGuid().ToString())));
        Assert.Equal(PrivacyRequestStatus.InProgress, request.Status); // an access request runs no steps of its own: a quiet place to plant some
        var check = new StepBacklogHealthCheck(host.Service, host.Steps, host.Time, TimeSpan.FromMinutes(30));
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("gosmart-privacy-steps", check, HealthStatus.Unhealthy, null) };
        var now = host.Time.GetUtcNow();
        await host.Steps.EnsureStepsAsync(request.Id, ["chat.archive", "crm.archive"], now, default);
        Assert.NotNull(await host.Steps.TryClaimStepAsync(request.Id, "crm.archive", "instance-that-dies", now, now + TimeSpan.FromMinutes(1), default));

        var moving = await check.CheckHealthAsync(context);
        host.Time.Advance(TimeSpan.FromMinutes(45));
        var stuck = await check.CheckHealthAsync(context);

        Assert.Equal(HealthStatus.Healthy, moving.Status);
        Assert.Equal(HealthStatus.Degraded, stuck.Status);
        Assert.Equal((1, 1, "chat.archive,crm.archive"), ((int)stuck.Data["expiredLeases"], (int)stuck.Data["waitingSteps"], (string)stuck.Data["handlers"]));
        Assert.DoesNotContain("acme-steps", stuck.Description, StringComparison.Ordinal);
    }
}

/// <summary>The coverage check, over the records of processing: unhealthy while a type is uncovered, degraded on other gaps, healthy when complete.</summary>
public class ErasureCoverageHealthCheckTests
{
    [Fact]
    public async Task An_uncovered_type_is_unhealthy_other_gaps_degrade_and_complete_records_are_healthy()
    {
        static async Task<HealthCheckResult> Check(GoSmart.Privacy.Records.RecordsOfProcessing records)
        {
            var check = new ErasureCoverageHealthCheck(new FixedRecords(records));
            return await check.CheckHealthAsync(new HealthCheckContext { Registration = new HealthCheckRegistration("gosmart-privacy-coverage", check, HealthStatus.Unhealthy, null) });
        }

        var uncovered = await Check(Records.RecordsTestSetup.Build());
        var gapsOnly = await Check(Records.RecordsTestSetup.Build(o => o.Coverage.OutOfScope.Add(new OutOfScopeType(typeof(Models.Deal).FullName!, "billing erases deals"))));
        var complete = await Check(Records.RecordsTestSetup.Build(Records.RecordsTestSetup.Options(o => o.Disclosure.Purposes.Add(new("all", "Everything.", LegalBasis.Contract) { Categories = ["user"] })), typeof(Models.Contact)));

        Assert.Equal(HealthStatus.Unhealthy, uncovered.Status);
        Assert.Contains(typeof(Models.Deal).FullName!, uncovered.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Degraded, gapsOnly.Status);
        Assert.Contains("DataWithoutPurpose: user.job_title", (IEnumerable<string>)gapsOnly.Data["gaps"]);
        Assert.Equal(HealthStatus.Healthy, complete.Status);
    }

    [Fact]
    public async Task The_check_registers_on_the_records_service_and_a_host_with_no_tagged_types_is_healthy()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGoSmartPrivacy(o => o.PseudonymKey = Convert.ToBase64String(TestKeys.Key));
        services.AddHealthChecks().AddGoSmartPrivacyCoverage();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Entries["gosmart-privacy-coverage"].Status);
    }

    private sealed class FixedRecords(GoSmart.Privacy.Records.RecordsOfProcessing records) : GoSmart.Privacy.Records.IRecordsOfProcessing
    {
        public GoSmart.Privacy.Records.RecordsOfProcessing Build() => records;

        public GoSmart.Privacy.Records.PrivacyNotice Notice(string? tenantId = null) => GoSmart.Privacy.Records.PrivacyNotice.From(records, tenantId);
    }
}
