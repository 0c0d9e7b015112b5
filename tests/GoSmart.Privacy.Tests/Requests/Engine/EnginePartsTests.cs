using GoSmart.Privacy.Requests.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy.Tests.Requests.Engine;

/// <summary>The engine's three parts, each on its own: the lifecycle never runs a handler, the runner never closes a request, the package writer records what it wrote.</summary>
public sealed class EnginePartsTests
{
    private static readonly Guid Ada = new("5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21");

    private static SubjectRef Subject => new("acme", Ada.ToString());

    [Fact]
    public async Task The_lifecycle_starts_a_verified_request_without_running_or_recording_any_step()
    {
        await using var host = new RequestTestHost();
        host.Data.AddContact("acme", Ada, "Ada", "ada@example.com");
        var parts = new Parts(host);

        var transition = await parts.Lifecycle.SubmitAsync(new(PrivacyRequestKind.Erasure, Subject), default);

        Assert.True(transition.Started);
        Assert.Equal(PrivacyRequestStatus.InProgress, transition.Request.Status);
        Assert.Empty(host.Data.Runs);
        Assert.Empty(await host.Steps.GetStepsAsync(transition.Request.Id, default));
        Assert.Equal(["received", "identity.awaiting", "identity.verified"], await host.Audit.QueryAsync(transition.Request.Id, default).Select(e => e.Event).ToListAsync());
    }

    [Theory]
    [InlineData(StepState.Failed, 0, 0, PrivacyRequestStatus.Failed)]
    [InlineData(StepState.Completed, 1, 0, PrivacyRequestStatus.CompletedWithExemptions)]
    [InlineData(StepState.Completed, 0, 1, PrivacyRequestStatus.CompletedWithExemptions)]
    [InlineData(StepState.Completed, 0, 0, PrivacyRequestStatus.Completed)]
    public async Task The_lifecycle_closes_a_request_from_its_steps_outcomes(StepState state, int retained, int notWritable, PrivacyRequestStatus expected)
    {
        await using var host = new RequestTestHost(registerHandlers: false, handlers: b => b.AddErasureHandler<CrmContactsHandler>().AddErasureHandler<ChatMessagesHandler>());
        var parts = new Parts(host);
        var request = (await parts.Lifecycle.SubmitAsync(new(PrivacyRequestKind.Erasure, Subject), default)).Request;
        var result = HandlerResult.Empty with { Changed = 2, Retained = retained, NotWritable = notWritable };
        StepRecord[] steps =
        [
            new(request.Id, "chat.messages", StepState.Completed, 1, request.ReceivedAt, HandlerResult.Empty with { Changed = 1 }, null),
            new(request.Id, "crm.contacts", state, 1, request.ReceivedAt, state == StepState.Completed ? result : null, state == StepState.Failed ? "IOException: disk" : null),
        ];

        var waiting = await parts.Lifecycle.CloseFromStepsAsync(request, steps, required: 3, default);
        Assert.Equal(PrivacyRequestStatus.InProgress, waiting.Status); // a third service's step has not been recorded yet

        var closed = await parts.Lifecycle.CloseFromStepsAsync(request, steps, required: 2, default);
        Assert.Equal(expected, closed.Status);
        Assert.Equal(expected == PrivacyRequestStatus.Failed, closed.StatusReason?.Contains("crm.contacts", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_runner_runs_each_local_step_once_and_leaves_the_request_open()
    {
        await using var host = new RequestTestHost();
        host.Data.AddContact("acme", Ada, "Ada", "ada@example.com");
        host.Data.AddMessage("acme", Ada.ToString(), "hello");
        var parts = new Parts(host);
        var request = (await parts.Lifecycle.SubmitAsync(new(PrivacyRequestKind.Erasure, Subject), default)).Request;
        using var scope = host.Provider.CreateScope();

        var (steps, required) = await parts.Runner.RunAsync(request, scope.ServiceProvider, default);
        var again = await parts.Runner.RunAsync(request, scope.ServiceProvider, default);

        Assert.Equal(2, required);
        Assert.All(steps, s => Assert.Equal(StepState.Completed, s.State));
        Assert.Equal(steps.Select(s => s.Result), again.Steps.Select(s => s.Result));
        Assert.Equal(1, host.Data.Runs["crm.contacts"]);
        Assert.Equal(1, host.Data.Runs["chat.messages"]);
        Assert.Equal(PrivacyRequestStatus.InProgress, (await host.Store.GetAsync(request.Id, default))!.Status);
    }

    [Fact]
    public async Task The_package_writer_refuses_an_unverified_request_and_records_nothing()
    {
        await using var host = new RequestTestHost(verifier: new ManualIdentityVerifier());
        var parts = new Parts(host);
        var request = (await parts.Lifecycle.SubmitAsync(new(PrivacyRequestKind.Access, Subject), default)).Request;

        var ex = await Assert.ThrowsAsync<PrivacyException>(() => parts.Packages.WriteAsync(request.Id, Stream.Null, AccessPackageFormat.Json, default));

        Assert.Contains("Confirm the identity first", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await host.Steps.GetStepsAsync(request.Id, default));
        Assert.Equal(PrivacyRequestStatus.AwaitingIdentityVerification, (await host.Store.GetAsync(request.Id, default))!.Status);
    }

    /// <summary>The parts built by hand over a test host's stores, as <see cref="RequestEngine"/> builds them.</summary>
    private sealed class Parts
    {
        public Parts(RequestTestHost host)
        {
            var sp = host.Provider;
            var options = sp.GetRequiredService<IOptions<PrivacyOptions>>();
            var scopes = sp.GetRequiredService<IServiceScopeFactory>();
            var redaction = sp.GetRequiredService<RedactionContext>();
            var handlers = new RegisteredHandlers(scopes, options, NullLogger.Instance);
            var disclosures = new Disclosures(options.Value);
            var audit = new RequestAudit(host.Audit, redaction, host.Time);
            Lifecycle = new RequestLifecycle(host.Store, audit, sp.GetRequiredService<IIdentityVerifier>(), new SubmissionRules(scopes, disclosures, handlers, host.Time), handlers, new GoSmart.Privacy.Replay.ErasureReplay(sp.GetRequiredService<IErasureReplayLedger>(), new GoSmart.Privacy.Replay.SubjectSeal(TestKeys.Key), audit), options.Value, host.Time);
            var roster = new EngineRoster(host.Engines, options.Value, host.Time);
            Runner = new StepRunner(host.Steps, roster, new StepPlans(redaction, sp.GetRequiredService<ProcessingRestrictions>(), sp.GetRequiredService<ILegalHoldStore>(), host.Time), audit, options.Value, host.Time, NullLogger.Instance);
            Packages = new AccessPackageService(host.Store, host.Steps, scopes, Lifecycle, disclosures, audit, redaction, host.Time);
        }

        public RequestLifecycle Lifecycle { get; }

        public StepRunner Runner { get; }

        public AccessPackageService Packages { get; }
    }
}
