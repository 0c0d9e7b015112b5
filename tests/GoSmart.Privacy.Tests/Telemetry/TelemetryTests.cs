using System.Collections.Concurrent;
using System.Diagnostics;
using GoSmart.Privacy.Tests.Requests;
using GoSmart.Privacy.Text;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace GoSmart.Privacy.Tests.Telemetry;

/// <summary>
/// The SDK's metrics and traces, read the way an operator's collector reads them: by meter and source name. Other tests
/// run beside these and share the static instruments, so metric assertions look for this test's measurements among
/// others'; activities carry the request id and are matched exactly.
/// </summary>
public class TelemetryTests
{
    [Fact]
    public async Task An_erasure_is_counted_timed_and_traced_per_request_and_step_with_no_personal_data_in_any_tag()
    {
        using var submitted = new MetricCollector<long>(null, PrivacyTelemetry.MeterName, "gosmart.privacy.requests.submitted");
        using var closed = new MetricCollector<long>(null, PrivacyTelemetry.MeterName, "gosmart.privacy.requests.closed");
        using var timeToClose = new MetricCollector<double>(null, PrivacyTelemetry.MeterName, "gosmart.privacy.requests.time_to_close");
        using var steps = new MetricCollector<double>(null, PrivacyTelemetry.MeterName, "gosmart.privacy.step.duration");
        using var retries = new MetricCollector<long>(null, PrivacyTelemetry.MeterName, "gosmart.privacy.step.retries");
        var activities = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == PrivacyTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var data = new TestData();
        var ada = Guid.NewGuid();
        data.AddContact("acme-telemetry", ada, "Ada", "ada@example.com");
        data.FailNext["crm.contacts"] = 1; // one transient failure: a retry to count
        await using var host = new RequestTestHost(data);

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme-telemetry", ada.ToString())));

        Assert.False(request.IsOpen);
        Assert.Contains(submitted.GetMeasurementSnapshot(), m => Tag(m.Tags, "gosmart.request.kind") == "Erasure" && m.Value == 1);
        Assert.Contains(closed.GetMeasurementSnapshot(), m => Tag(m.Tags, "gosmart.request.status") == request.Status.ToString());
        Assert.Contains(timeToClose.GetMeasurementSnapshot(), m => Tag(m.Tags, "gosmart.request.kind") == "Erasure" && m.Value >= 0);
        Assert.Contains(steps.GetMeasurementSnapshot(), m => Tag(m.Tags, "gosmart.handler") == "crm.contacts" && Tag(m.Tags, "gosmart.step.state") == "Completed");
        Assert.Contains(retries.GetMeasurementSnapshot(), m => Tag(m.Tags, "gosmart.handler") == "crm.contacts" && m.Value >= 1);

        var mine = activities.Where(a => (a.GetTagItem("gosmart.request.id") as string) == request.Id.ToString()).ToList();
        var root = Assert.Single(mine, a => a.OperationName == "gosmart.privacy.request Erasure");
        var step = Assert.Single(mine, a => a.OperationName == "gosmart.privacy.step crm.contacts");
        Assert.Equal(root.SpanId, step.ParentSpanId);
        Assert.Equal("Completed", step.GetTagItem("gosmart.step.state"));
        Assert.Equal(1, step.GetTagItem("gosmart.step.retries"));
        foreach (var value in mine.SelectMany(a => a.TagObjects).Select(t => t.Value?.ToString() ?? ""))
        {
            Assert.DoesNotContain(ada.ToString(), value, StringComparison.OrdinalIgnoreCase); // no subject
            Assert.DoesNotContain("acme-telemetry", value, StringComparison.Ordinal); // no tenant
            Assert.DoesNotContain("ada@", value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Consent_changes_are_counted_by_purpose_and_decision()
    {
        using var changes = new MetricCollector<long>(null, PrivacyTelemetry.MeterName, "gosmart.privacy.consent.changes");
        await using var host = new GoSmart.Privacy.Tests.Consent.ConsentTestHost(configure: o => o.Purposes.Add(new ConsentPurpose("telemetry.test.newsletter", "A newsletter.", LegalBasis.Consent)));
        var subject = new SubjectRef("acme", Guid.NewGuid().ToString());

        await host.Consent.GrantAsync(new ConsentGrant(subject, "telemetry.test.newsletter", ConsentMethod.Form, "test"));
        await host.Consent.WithdrawAsync(subject, "telemetry.test.newsletter", ConsentMethod.Form, "test");

        var mine = changes.GetMeasurementSnapshot().Where(m => Tag(m.Tags, "gosmart.consent.purpose") == "telemetry.test.newsletter").Select(m => Tag(m.Tags, "gosmart.consent.decision")).ToList();
        Assert.Equal(["Granted", "Withdrawn"], mine);
    }

    [Fact]
    public void Scanner_findings_are_counted_by_type_and_category()
    {
        using var findings = new MetricCollector<long>(null, PrivacyTelemetry.MeterName, "gosmart.privacy.scanner.findings");

        new PersonalDataScanner().Scan("mail telemetry-test@example.com, I'm on chemo this week");

        var snapshot = findings.GetMeasurementSnapshot();
        Assert.Contains(snapshot, m => Tag(m.Tags, "gosmart.scanner.type") == "Email");
        Assert.Contains(snapshot, m => Tag(m.Tags, "gosmart.scanner.type") == "SpecialCategory" && Tag(m.Tags, "gosmart.scanner.category") == "Health");
    }

    private static string? Tag(IReadOnlyDictionary<string, object?> tags, string name) => tags.TryGetValue(name, out var value) ? value?.ToString() : null;
}
