using Microsoft.Extensions.DependencyInjection;
namespace GoSmart.Privacy.Tests.Requests;

public class ResumeAndConcurrencyTests
{
    private static readonly Guid Ada = new("5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21");

    [Fact]
    public async Task A_processor_stopped_mid_request_resumes_after_restart_and_runs_every_step_exactly_once_to_completion()
    {
        var data = new TestData();
        data.AddContact("acme", Ada, "Ada", "ada@example.com");
        data.AddMessage("acme", Ada.ToString(), "hello");
        var store = new InMemoryPrivacyRequestStore();
        var steps = new InMemoryStepLedger();
        var audit = new InMemoryPrivacyAuditLog();
        var restrictions = new InMemoryRestrictionStore();
        data.Gates["chat.messages"] = new TaskCompletionSource(); // chat blocks until the processor is stopped
        Guid requestId;

        await using (var first = new RequestTestHost(data, configure: o => o.ProcessAfterVerification = false, store: store, audit: audit, restrictions: restrictions, steps: steps))
        {
            var request = await first.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));
            requestId = request.Id;
            using var stop = new CancellationTokenSource();
            var processing = first.Service.ProcessAsync(requestId, stop.Token);
            await WaitUntil(() => data.Runs.ContainsKey("chat.messages") && data.Runs.ContainsKey("crm.contacts"));
            await WaitUntil(async () => (await steps.GetStepsAsync(requestId, default)).Any(s => s.Handler == "crm.contacts" && s.State == StepState.Completed));
            stop.Cancel(); // the process dies while chat.messages runs
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processing);
        }

        Assert.Equal(PrivacyRequestStatus.InProgress, (await store.GetAsync(requestId, default))!.Status);
        data.Gates.Clear();

        await using var restarted = new RequestTestHost(data, store: store, audit: audit, restrictions: restrictions, steps: steps);
        Assert.Equal(1, await restarted.Service.ResumeAsync());

        var done = await restarted.Service.GetAsync(requestId);
        Assert.Equal(PrivacyRequestStatus.CompletedWithExemptions, done!.Status);
        Assert.Equal(1, data.Runs["crm.contacts"]); // completed before the crash: never again
        Assert.Equal(2, data.Runs["chat.messages"]); // interrupted, then run to completion once
        Assert.Equal("", data.Messages[0].Value.Text);
        var finished = await steps.GetStepsAsync(requestId, default);
        Assert.All(finished, s => Assert.Equal(StepState.Completed, s.State));
        Assert.Equal(0, await restarted.Service.ResumeAsync());
    }

    [Fact]
    public async Task Many_requests_with_many_handlers_at_once_run_each_step_exactly_once()
    {
        const int subjects = 40;
        await using var host = new RequestTestHost(configure: o => o.MaxParallelHandlers = 2, handlers: b => b
            .AddErasureHandler<CountingHandler.A>().AddErasureHandler<CountingHandler.B>().AddErasureHandler<CountingHandler.C>());
        CountingHandler.Reset();

        var ids = Enumerable.Range(0, subjects).Select(i => new SubjectRef("acme", "subject-" + i)).ToList();
        var requests = await Task.WhenAll(ids.Concat(ids).Select(s => Task.Run(() => host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, s)))));
        var retries = await Task.WhenAll(requests.Select(r => Task.Run(() => host.Service.ProcessAsync(r.Id))));

        Assert.Equal(subjects, requests.Select(r => r.Id).Distinct().Count());
        Assert.All(retries, r => Assert.False(r.IsOpen));
        foreach (var name in new[] { "count.a", "count.b", "count.c" })
        {
            Assert.Equal(subjects, CountingHandler.Calls.Count(c => c.Handler == name));
            Assert.Equal(subjects, CountingHandler.Calls.Where(c => c.Handler == name).Select(c => c.Subject).Distinct().Count());
        }

        Assert.True(CountingHandler.MaxConcurrentPerRequest <= 2);
    }

    private static async Task WaitUntil(Func<bool> condition) => await WaitUntil(() => Task.FromResult(condition()));

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(10);
        }
    }

    internal abstract class CountingHandler(string name) : IErasureHandler
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> Running = new();
        private static int _max;

        public static System.Collections.Concurrent.ConcurrentBag<(string Handler, string Subject)> Calls { get; private set; } = [];

        public static int MaxConcurrentPerRequest => _max;

        public string Name => name;

        public IReadOnlyCollection<Type> Covers { get; } = [];

        public static void Reset()
        {
            Calls = [];
            _max = 0;
        }

        public async Task EraseAsync(IErasureContext context, CancellationToken cancellationToken)
        {
            var now = Running.AddOrUpdate(context.RequestId, 1, (_, n) => n + 1);
            InterlockedMax(now);
            Calls.Add((Name, context.Subject.SubjectId));
            await Task.Delay(Random.Shared.Next(1, 5), cancellationToken);
            Running.AddOrUpdate(context.RequestId, 0, (_, n) => n - 1);
        }

        private static void InterlockedMax(int value)
        {
            int seen;
            while (value > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, value, seen) != seen)
            {
            }
        }

        internal sealed class A() : CountingHandler("count.a");

        internal sealed class B() : CountingHandler("count.b");

        internal sealed class C() : CountingHandler("count.c");
    }
}
