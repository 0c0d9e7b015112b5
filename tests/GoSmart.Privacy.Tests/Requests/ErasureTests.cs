using Microsoft.Extensions.DependencyInjection;
using GoSmart.Privacy.Tests.Models;

namespace GoSmart.Privacy.Tests.Requests;

public class ErasureTests
{
    private static readonly Guid Ada = new("5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21");
    private static readonly SubjectRef Subject = new("acme", Ada.ToString());

    [Fact]
    public async Task One_request_reaches_every_handler_and_reports_counts_exemptions_and_recipients()
    {
        await using var host = new RequestTestHost();
        host.Data.AddContact("acme", Ada, "Ada", "ada@example.com");
        host.Data.AddMessage("acme", Ada.ToString(), "See you at eight.");
        host.Data.AddMessage("acme", "grace", "Not Ada's message.");

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, Subject));
        var report = await host.Service.GetReportAsync(request.Id);

        Assert.Equal(PrivacyRequestStatus.CompletedWithExemptions, request.Status);
        var crm = report.Handlers.Single(h => h.Handler == "crm.contacts");
        var chat = report.Handlers.Single(h => h.Handler == "chat.messages");
        Assert.All(report.Handlers, h => Assert.Equal(StepState.Completed, h.State));
        Assert.Equal(3, crm.Result!.Retained); // Company (legal claims); LifetimeValue and Address.City (legal obligation)
        Assert.Equal([new ExemptionCount(ErasureExemption.LegalObligation, 2), new ExemptionCount(ErasureExemption.LegalClaims, 1)], crm.Result.Exemptions);
        Assert.Equal(["newsletter-provider"], crm.Result.RecipientsNotified);
        Assert.True(chat.Result!.Changed >= 2);
        Assert.Equal("", host.Data.Messages[0].Value.Text);
        Assert.Equal("Not Ada's message.", host.Data.Messages[1].Value.Text);
        Assert.Equal("Analytical Engines Ltd", host.Data.Contacts[0].Value.Company);
        Assert.StartsWith("hmac:", host.Data.Contacts[0].Value.Email, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tagged_types_no_handler_covers_make_an_erasure_incomplete_named_in_its_report_and_certificate()
    {
        await using var host = new RequestTestHost(configure: o => o.Coverage.Assemblies.Add(typeof(Person).Assembly)); // Person has a [DataSubjectId] and no handler

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, Subject));
        var report = await host.Service.GetReportAsync(request.Id);
        var certificate = await host.Service.GetErasureCertificateAsync(request.Id);

        Assert.Equal(PrivacyRequestStatus.Incomplete, request.Status);
        Assert.False(request.IsOpen);
        Assert.Contains("No erasure handler covers", request.StatusReason, StringComparison.Ordinal);
        Assert.Contains(typeof(Person).FullName!, host.Service.UncoveredTypes);
        Assert.DoesNotContain(typeof(Contact).FullName!, host.Service.UncoveredTypes);
        Assert.DoesNotContain(typeof(Participant).FullName!, host.Service.UncoveredTypes); // held by the covered ChatMessage
        Assert.Contains(typeof(Person).FullName!, report.UncoveredTypes);
        Assert.Contains(typeof(Person).FullName!, certificate.UncoveredTypes);
        Assert.Equal(PrivacyRequestStatus.Incomplete, certificate.Status);
        Assert.True(host.Service.VerifyCertificate(certificate));
    }

    [Fact]
    public async Task An_incomplete_erasure_completes_once_a_handler_covers_the_missing_types()
    {
        var store = new InMemoryPrivacyRequestStore();
        var assembly = typeof(Person).Assembly;
        Guid id;
        await using (var before = new RequestTestHost(store: store, configure: o => o.Coverage.Assemblies.Add(assembly)))
        {
            id = (await before.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, Subject))).Id;
        }

        var uncovered = (await store.GetAsync(id, default))!.UncoveredTypes;
        await using var after = new RequestTestHost(store: store, configure: o => o.Coverage.Assemblies.Add(assembly), handlers: b => b.Services.AddSingleton<IErasureHandler>(new EverythingElseHandler(uncovered)));

        var retried = await after.Service.RetryAsync(id);

        Assert.Equal(PrivacyRequestStatus.Completed, retried.Status);
        Assert.Empty(retried.UncoveredTypes);
        Assert.Contains((await after.Service.GetReportAsync(id)).Handlers, h => h.Handler == "everything.else" && h.State == StepState.Completed);
    }

    [Fact]
    public async Task A_type_acknowledged_as_out_of_scope_is_listed_with_its_reason_and_does_not_make_erasure_incomplete()
    {
        var assembly = typeof(Person).Assembly;
        await using var probe = new RequestTestHost(configure: o => o.Coverage.Assemblies.Add(assembly));
        var uncovered = probe.Service.UncoveredTypes;
        await using var host = new RequestTestHost(configure: o =>
        {
            o.Coverage.Assemblies.Add(assembly);
            foreach (var type in uncovered)
            {
                o.Coverage.OutOfScope.Add(new OutOfScopeType(type, "Erased by the billing service after 6 years (tax law)."));
            }
        });

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, Subject));
        var certificate = await host.Service.GetErasureCertificateAsync(request.Id);

        Assert.Equal(PrivacyRequestStatus.CompletedWithExemptions, request.Status);
        Assert.Empty(host.Service.UncoveredTypes);
        Assert.Contains(certificate.OutOfScopeTypes, o => o.TypeName == typeof(Person).FullName && o.Reason.Contains("tax law", StringComparison.Ordinal));
        Assert.True(host.Service.VerifyCertificate(certificate));
        Assert.False(host.Service.VerifyCertificate(certificate with { OutOfScopeTypes = [] }));
    }

    [Fact]
    public void An_acknowledgement_naming_an_unknown_type_is_a_start_up_error()
    {
        var ex = Assert.Throws<PrivacyException>(() => new RequestTestHost(configure: o =>
        {
            o.Coverage.Assemblies.Add(typeof(Person).Assembly);
            o.Coverage.OutOfScope.Add(new OutOfScopeType("GoSmart.Privacy.Tests.Models.Persn", "typo"));
        }));

        Assert.Contains("'GoSmart.Privacy.Tests.Models.Persn', which is not a known tagged type", ex.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(Person).FullName!, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A handler added in a later deploy: it covers every type the first one left out.</summary>
    internal sealed class EverythingElseHandler(IReadOnlyList<string> types) : IErasureHandler
    {
        public string Name => "everything.else";

        public IReadOnlyCollection<Type> Covers { get; } = [.. types.Select(t => typeof(Person).Assembly.GetType(t, throwOnError: true)!)];

        public Task EraseAsync(IErasureContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public async Task A_certificate_verifies_and_any_change_to_it_breaks_the_signature()
    {
        await using var host = new RequestTestHost();
        host.Data.AddContact("acme", Ada, "Ada", "ada@example.com");
        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, Subject));

        var certificate = await host.Service.GetErasureCertificateAsync(request.Id);

        Assert.True(host.Service.VerifyCertificate(certificate));
        var again = await host.Service.GetErasureCertificateAsync(request.Id);
        Assert.Equal(certificate.Signature, again.Signature);
        Assert.Equal(certificate.CanonicalPayload(), again.CanonicalPayload());
        Assert.DoesNotContain(Ada.ToString(), System.Text.Encoding.UTF8.GetString(certificate.CanonicalPayload()), StringComparison.Ordinal);
        Assert.False(host.Service.VerifyCertificate(certificate with { TenantId = "globex" }));
        Assert.False(host.Service.VerifyCertificate(certificate with { Handlers = [.. certificate.Handlers.Select(h => h with { Result = h.Result with { Retained = 0 } })] }));
        Assert.False(host.Service.VerifyCertificate(certificate with { Handlers = [.. certificate.Handlers.Select(h => h with { Result = h.Result with { NotWritable = h.Result.NotWritable + 1 } })] })); // what could not be written is signed too
        Assert.False(host.Service.VerifyCertificate(certificate with { Signature = certificate.Signature[..^2] + "AA" }));

        await using var otherHost = new RequestTestHost(configure: o => o.CertificateKey = Convert.ToBase64String(new byte[32]));
        Assert.False(otherHost.Service.VerifyCertificate(certificate));
    }

    [Fact]
    public async Task A_transient_failure_is_retried_and_the_step_completes()
    {
        await using var host = new RequestTestHost();
        host.Data.AddContact("acme", Ada, "Ada", "ada@example.com");
        host.Data.FailNext["chat.messages"] = 2;

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, Subject));
        var report = await host.Service.GetReportAsync(request.Id);

        Assert.NotEqual(PrivacyRequestStatus.Failed, request.Status);
        Assert.Equal(3, report.Handlers.Single(h => h.Handler == "chat.messages").Attempts);
        Assert.Equal(3, host.Data.Runs["chat.messages"]);
        Assert.Equal(1, host.Data.Runs["crm.contacts"]);
    }

    [Fact]
    public async Task A_failing_handler_does_not_lose_the_others_results_and_a_retry_runs_only_it()
    {
        await using var host = new RequestTestHost();
        host.Data.AddContact("acme", Ada, "Ada", "ada@example.com");
        host.Data.FailNext["chat.messages"] = 3; // one try and two retries: all fail

        var failed = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, Subject));
        var report = await host.Service.GetReportAsync(failed.Id);

        Assert.Equal(PrivacyRequestStatus.Failed, failed.Status);
        Assert.Contains("chat.messages", failed.StatusReason, StringComparison.Ordinal);
        Assert.Equal(StepState.Completed, report.Handlers.Single(h => h.Handler == "crm.contacts").State);
        var chat = report.Handlers.Single(h => h.Handler == "chat.messages");
        Assert.Equal(StepState.Failed, chat.State);
        Assert.Contains("InvalidOperationException", chat.Error, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PrivacyException>(() => host.Service.GetErasureCertificateAsync(failed.Id));

        var retried = await host.Service.RetryAsync(failed.Id);

        Assert.Equal(PrivacyRequestStatus.CompletedWithExemptions, retried.Status);
        Assert.Equal(1, host.Data.Runs["crm.contacts"]);
        Assert.Equal(4, host.Data.Runs["chat.messages"]);
    }

    [Fact]
    public async Task A_record_of_another_subject_passed_to_Apply_keeps_everything_that_is_not_the_subjects()
    {
        await using var host = new RequestTestHost(registerHandlers: false, configure: o => o.HandlerRetries = 0, handlers: b => b.AddErasureHandler<WrongRowsHandler>());
        var grace = new Contact { Id = Guid.NewGuid(), FirstName = "Grace", Email = "grace@example.com" };
        WrongRowsHandler.Rows = [grace];

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, Subject));

        Assert.Equal("Grace", grace.FirstName);
        Assert.Equal("grace@example.com", grace.Email);
        var step = (await host.Service.GetReportAsync(request.Id)).Handlers.Single(h => h.Handler == "crm.wrong");
        Assert.Equal(StepState.Completed, step.State);
        Assert.Equal(0, step.Result!.Changed);
    }

    [Fact]
    public async Task A_child_is_erased_on_the_controllers_word_without_identity_verification()
    {
        await using var host = new RequestTestHost(verifier: new ManualIdentityVerifier());
        host.Data.AddContact("acme", Ada, "Ada", "ada@example.com");

        var request = await host.Service.EraseUnderageSubjectAsync(Subject);

        Assert.Equal(RequestOrigin.Controller, request.Origin);
        Assert.Contains("under 13", request.Reason, StringComparison.Ordinal);
        Assert.Equal(PrivacyRequestStatus.CompletedWithExemptions, request.Status);
        Assert.Equal("", host.Data.Contacts[0].Value.FirstName);
    }

    [Fact]
    public async Task Handlers_with_bad_names_are_refused_before_any_request_is_accepted()
    {
        var store = new InMemoryPrivacyRequestStore();

        var ex = Assert.Throws<PrivacyException>(() => new RequestTestHost(store: store, registerHandlers: false, handlers: b => b.AddErasureHandler<BadNameHandler>()));

        Assert.Contains("'CRM Contacts'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, BadNameHandler.Runs);
        Assert.Empty(await store.QueryAsync(new PrivacyRequestQuery { TenantId = Subject.TenantId }, default).ToListAsync());
    }

    [Fact]
    public async Task Two_handlers_under_one_name_are_refused_before_any_request_is_accepted()
    {
        var store = new InMemoryPrivacyRequestStore();

        var ex = Assert.Throws<PrivacyException>(() => new RequestTestHost(store: store, handlers: b => b.AddErasureHandler<ImpostorContactsHandler>()));

        Assert.Contains("Two erasure handlers are named 'crm.contacts' (CrmContactsHandler and ImpostorContactsHandler)", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await store.QueryAsync(new PrivacyRequestQuery { TenantId = Subject.TenantId }, default).ToListAsync());
    }

    [Fact]
    public async Task A_host_with_two_handlers_under_one_name_does_not_start()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(new TestData());
        builder.Services.AddGoSmartPrivacy(o => o.PseudonymKey = Convert.ToBase64String(TestKeys.Key))
            .AddErasureHandler<CrmContactsHandler>().AddErasureHandler<ImpostorContactsHandler>();
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Two erasure handlers are named 'crm.contacts'", ex.Message, StringComparison.Ordinal);
    }

    internal sealed class ImpostorContactsHandler : IErasureHandler
    {
        public string Name => "crm.contacts";

        public IReadOnlyCollection<Type> Covers { get; } = [typeof(Contact)];

        public Task EraseAsync(IErasureContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public async Task Without_handlers_an_erasure_is_incomplete_with_every_tagged_type_reported_uncovered()
    {
        await using var host = new RequestTestHost(registerHandlers: false, configure: o => o.Coverage.Assemblies.Add(typeof(Contact).Assembly));

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, Subject));

        Assert.Equal(PrivacyRequestStatus.Incomplete, request.Status);
        Assert.Contains(typeof(Contact).FullName!, request.UncoveredTypes);
    }

    internal sealed class BadNameHandler : IErasureHandler
    {
        public static int Runs { get; private set; }

        public string Name => "CRM Contacts";

        public IReadOnlyCollection<Type> Covers { get; } = [typeof(Contact)];

        public Task EraseAsync(IErasureContext context, CancellationToken cancellationToken)
        {
            Runs++;
            return Task.CompletedTask;
        }
    }

    internal sealed class WrongRowsHandler : IErasureHandler
    {
        public static List<Contact> Rows { get; set; } = [];

        public string Name => "crm.wrong";

        public IReadOnlyCollection<Type> Covers { get; } = [typeof(Contact)];

        public Task EraseAsync(IErasureContext context, CancellationToken cancellationToken)
        {
            foreach (var row in Rows)
            {
                var contact = row;
                context.Apply(ref contact);
            }

            return Task.CompletedTask;
        }
    }
}
