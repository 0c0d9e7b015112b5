using GoSmart.Privacy.Tests.Models;

namespace GoSmart.Privacy.Tests.Requests;

public class LifecycleTests
{
    private static readonly Guid Ada = new("5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21");

    [Fact]
    public async Task An_unverified_request_waits_and_never_reaches_a_handler()
    {
        await using var host = new RequestTestHost(verifier: new ManualIdentityVerifier());
        host.Data.AddContact("acme", Ada, "Ada", "ada@example.com");

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, Subject()));

        Assert.Equal(PrivacyRequestStatus.AwaitingIdentityVerification, request.Status);
        Assert.Empty(host.Data.Runs);
        Assert.Equal("Ada", host.Data.Contacts[0].Value.FirstName);
        await Assert.ThrowsAsync<PrivacyException>(() => host.Service.ProcessAsync(request.Id));
        await Assert.ThrowsAsync<PrivacyException>(() => host.Service.WriteAccessPackageAsync(request.Id, Stream.Null, AccessPackageFormat.Json));
        Assert.Empty(host.Data.Runs);

        var confirmed = await host.Service.ConfirmIdentityAsync(request.Id);

        Assert.Equal(PrivacyRequestStatus.CompletedWithExemptions, confirmed.Status);
        Assert.Equal("", host.Data.Contacts[0].Value.FirstName);
    }

    [Fact]
    public async Task A_rejected_identity_closes_the_request_and_nothing_runs()
    {
        await using var host = new RequestTestHost(verifier: new FixedVerifier(IdentityVerdict.Rejected("The e-mail link was not confirmed.")));
        host.Data.AddContact("acme", Ada, "Ada", "ada@example.com");

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, Subject()));

        Assert.Equal(PrivacyRequestStatus.Rejected, request.Status);
        Assert.Equal("The e-mail link was not confirmed.", request.StatusReason);
        Assert.NotNull(request.ClosedAt);
        Assert.Empty(host.Data.Runs);
        await Assert.ThrowsAsync<PrivacyException>(() => host.Service.ConfirmIdentityAsync(request.Id));
    }

    [Fact]
    public async Task A_duplicate_of_an_open_request_returns_the_open_one_and_a_closed_one_does_not_block()
    {
        await using var host = new RequestTestHost(verifier: new ManualIdentityVerifier());

        var first = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, Subject()));
        var second = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, Subject()));
        var otherKind = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, Subject()));
        await host.Service.CancelAsync(first.Id, "withdrawn by the subject");
        var third = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, Subject()));

        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.Id, otherKind.Id);
        Assert.NotEqual(first.Id, third.Id);
        Assert.Equal(PrivacyRequestStatus.Cancelled, (await host.Service.GetAsync(first.Id))!.Status);
    }

    [Fact]
    public async Task Cancel_and_reject_need_a_reason_and_an_open_request()
    {
        await using var host = new RequestTestHost(verifier: new ManualIdentityVerifier());
        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, Subject()));

        await Assert.ThrowsAsync<PrivacyException>(() => host.Service.CancelAsync(request.Id, ""));
        await host.Service.RejectAsync(request.Id, "manifestly unfounded");
        var ex = await Assert.ThrowsAsync<PrivacyException>(() => host.Service.CancelAsync(request.Id, "too late"));

        Assert.Contains("already Rejected", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PrivacyException>(() => host.Service.GetReportAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task The_deadline_runs_to_the_end_of_the_day_in_the_configured_controller_time_zone()
    {
        await using var host = new RequestTestHost(verifier: new ManualIdentityVerifier(), configure: o => o.ControllerTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, Subject())); // 31 January 09:30 UTC = 18:30 in Tokyo

        Assert.Equal(new DateTimeOffset(2026, 2, 28, 23, 59, 59, 999, 999, TimeSpan.FromHours(9)), request.DueAt);
    }

    [Fact]
    public async Task The_deadline_is_extended_once_within_the_first_month_and_overdue_requests_are_listed()
    {
        await using var host = new RequestTestHost(verifier: new ManualIdentityVerifier());
        var extended = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, Subject()));
        var late = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, new SubjectRef("acme", "grace")));

        Assert.Equal(new DateTimeOffset(2026, 2, 28, 23, 59, 59, 999, 999, TimeSpan.Zero), extended.DueAt);
        host.Time.Advance(TimeSpan.FromDays(10));
        extended = await host.Service.ExtendDeadlineAsync(extended.Id, 2, "Many records across CRM and chat.");
        Assert.Equal(new DateTimeOffset(2026, 4, 30, 23, 59, 59, 999, 999, TimeSpan.Zero), extended.DueAt);
        await Assert.ThrowsAsync<PrivacyException>(() => host.Service.ExtendDeadlineAsync(extended.Id, 1, "again"));

        host.Time.Advance(TimeSpan.FromDays(25));
        var overdue = await host.Service.ListAsync(new PrivacyRequestQuery { OverdueAt = host.Time.GetUtcNow() }).ToListAsync();
        Assert.Equal([late.Id], overdue.Select(r => r.Id));
        var ex = await Assert.ThrowsAsync<PrivacyException>(() => host.Service.ExtendDeadlineAsync(late.Id, 1, "too late"));
        Assert.Contains("first month ended", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_are_listed_by_tenant_and_subject()
    {
        await using var host = new RequestTestHost(verifier: new ManualIdentityVerifier());
        await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, new SubjectRef("acme", "ada")));
        await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", "ada")));
        await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, new SubjectRef("globex", "ada")));

        Assert.Equal(2, await host.Service.ListAsync(new PrivacyRequestQuery { TenantId = "acme", SubjectId = "ada" }).CountAsync());
        Assert.Single(await host.Service.ListAsync(new PrivacyRequestQuery { TenantId = "globex" }).ToListAsync());
        Assert.Equal(2, await host.Service.ListAsync(new PrivacyRequestQuery { Kind = PrivacyRequestKind.Access }).CountAsync());
    }

    [Fact]
    public async Task Bad_submissions_get_clear_exceptions_and_nothing_is_stored()
    {
        await using var host = new RequestTestHost();

        await Assert.ThrowsAsync<PrivacyException>(() => host.Service.SubmitAsync(new((PrivacyRequestKind)42, Subject())));
        await Assert.ThrowsAsync<PrivacyException>(() => host.Service.SubmitAsync(new(PrivacyRequestKind.Access, null!)));
        Assert.Contains("tenant id is empty", Assert.Throws<PrivacyException>(() => new SubjectRef("", "ada")).Message, StringComparison.Ordinal);
        Assert.Contains("subject id is empty", Assert.Throws<PrivacyException>(() => new SubjectRef("acme", " ")).Message, StringComparison.Ordinal);
        Assert.Throws<PrivacyException>(() => new SubjectRef("acme", new string('x', 300)));
        Assert.Contains("purpose", (await Assert.ThrowsAsync<PrivacyException>(() => host.Service.SubmitAsync(new(PrivacyRequestKind.Objection, Subject())))).Message, StringComparison.Ordinal);
        Assert.Contains("correction", (await Assert.ThrowsAsync<PrivacyException>(() => host.Service.SubmitAsync(new(PrivacyRequestKind.Rectification, Subject())))).Message, StringComparison.Ordinal);
        var notPersonal = await Assert.ThrowsAsync<PrivacyException>(() => host.Service.SubmitAsync(new(PrivacyRequestKind.Rectification, Subject()) { Corrections = [new("Contact", "TenantId", "x")] }));
        Assert.Contains("is not personal data", notPersonal.Message, StringComparison.Ordinal);
        Assert.Contains("Email", notPersonal.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PrivacyException>(() => host.Service.SubmitAsync(new(PrivacyRequestKind.Rectification, Subject()) { Corrections = [new("Contact", "Id", "x")] }));
        await Assert.ThrowsAsync<PrivacyException>(() => host.Service.SubmitAsync(new(PrivacyRequestKind.Rectification, Subject()) { Corrections = [new("Nothing", "Email", "x")] }));
        await Assert.ThrowsAsync<PrivacyException>(() => host.Service.SubmitAsync(new(PrivacyRequestKind.Access, Subject()) { Corrections = [new("Contact", "Email", "x")] }));

        Assert.Equal(0, await host.Service.ListAsync(new PrivacyRequestQuery()).CountAsync());
    }

    [Fact]
    public async Task A_rectification_applies_corrections_through_the_handlers()
    {
        await using var host = new RequestTestHost();
        host.Data.AddContact("acme", Ada, "Ada", "old@example.com");

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Rectification, Subject()) { Corrections = [new("Contact", "Email", "ada@example.com")] });
        var report = await host.Service.GetReportAsync(request.Id);

        Assert.Equal(PrivacyRequestStatus.Completed, request.Status);
        Assert.Equal("ada@example.com", host.Data.Contacts[0].Value.Email);
        Assert.Equal(1, report.Handlers.Single(h => h.Handler == "crm.contacts").Result!.Applied);
    }

    [Fact]
    public async Task A_subject_with_no_data_anywhere_completes_with_an_empty_package()
    {
        await using var host = new RequestTestHost();
        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Access, new SubjectRef("acme", "nobody")));
        using var stream = new MemoryStream();

        var completed = await host.Service.WriteAccessPackageAsync(request.Id, stream, AccessPackageFormat.Json);

        Assert.Equal(PrivacyRequestStatus.Completed, completed.Status);
        using var doc = System.Text.Json.JsonDocument.Parse(stream.ToArray());
        Assert.Equal(0, doc.RootElement.GetProperty("data").GetProperty("crm.contacts").GetArrayLength());
        Assert.Equal(0, doc.RootElement.GetProperty("data").GetProperty("chat.messages").GetArrayLength());
    }

    private static SubjectRef Subject() => new("acme", Ada.ToString());

    private sealed class FixedVerifier(IdentityVerdict verdict) : IIdentityVerifier
    {
        public ValueTask<IdentityVerdict> VerifyAsync(PrivacyRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(verdict);
    }
}
