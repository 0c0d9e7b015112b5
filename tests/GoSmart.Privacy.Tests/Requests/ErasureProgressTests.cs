using Microsoft.Extensions.DependencyInjection;
using GoSmart.Privacy.Tests.Models;

namespace GoSmart.Privacy.Tests.Requests;

/// <summary>A handler that erases in batches records its progress; a run after a failure or a crash resumes after the last stored batch.</summary>
public class ErasureProgressTests
{
    private static readonly Guid Ada = new("5f0c8a52-7d8e-4bb5-9a53-0f7b8f1f3e21");

    [Fact]
    public async Task A_failure_after_a_stored_batch_is_retried_from_the_next_batch_and_every_row_is_erased_once()
    {
        var data = Seed(out var applied);
        BatchedContactsHandler.FailAfterBatch = 1;
        await using var host = new RequestTestHost(data, registerHandlers: false, handlers: b => b.AddErasureHandler<BatchedContactsHandler>(), configure: o => o.HandlerRetries = 1);

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));

        var done = await host.Service.GetAsync(request.Id);
        Assert.Equal(PrivacyRequestStatus.CompletedWithExemptions, done!.Status);
        Assert.All(applied, n => Assert.Equal(1, n));
        var step = Assert.Single(await host.Steps.GetStepsAsync(request.Id, default));
        Assert.Equal(StepState.Completed, step.State);
        Assert.Null(step.Progress);
        Assert.Equal(2, step.Attempts);
        Assert.Equal(Expected(), (step.Result!.Changed, step.Result.Retained)); // the first batch's tallies came back with its progress
    }

    [Fact]
    public async Task A_process_stopped_between_batches_resumes_after_restart_without_erasing_a_stored_batch_again()
    {
        var data = Seed(out var applied);
        BatchedContactsHandler.FailAfterBatch = 0;
        var steps = new InMemoryStepLedger();
        var store = new InMemoryPrivacyRequestStore();
        data.Gates["batch-2"] = new TaskCompletionSource();
        Guid requestId;
        await using (var first = new RequestTestHost(data, store: store, steps: steps, registerHandlers: false, handlers: b => b.AddErasureHandler<BatchedContactsHandler>(), configure: o => o.ProcessAfterVerification = false))
        {
            requestId = (await first.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())))).Id;
            using var stop = new CancellationTokenSource();
            var processing = first.Service.ProcessAsync(requestId, stop.Token);
            await WaitUntil(() => data.Runs.ContainsKey("batch-2"));
            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processing);
        }

        var interrupted = Assert.Single(await steps.GetStepsAsync(requestId, default));
        Assert.Equal((StepState.Pending, "2"), (interrupted.State, interrupted.Progress));
        data.Gates.Clear();

        await using var restarted = new RequestTestHost(data, store: store, steps: steps, registerHandlers: false, handlers: b => b.AddErasureHandler<BatchedContactsHandler>());
        Assert.Equal(1, await restarted.Service.ResumeAsync());

        Assert.All(applied, n => Assert.Equal(1, n));
        var step = Assert.Single(await steps.GetStepsAsync(requestId, default));
        Assert.Equal(Expected(), (step.Result!.Changed, step.Result.Retained));
    }

    [Fact]
    public async Task Progress_that_is_empty_or_too_long_is_refused_with_the_fix()
    {
        var data = Seed(out _);
        BatchedContactsHandler.FailAfterBatch = 0;
        BatchedContactsHandler.ProgressOverride = new string('9', 4001);
        try
        {
            await using var host = new RequestTestHost(data, registerHandlers: false, handlers: b => b.AddErasureHandler<BatchedContactsHandler>());
            var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));

            var step = Assert.Single(await host.Steps.GetStepsAsync(request.Id, default));
            Assert.Equal(StepState.Failed, step.State);
            Assert.Contains("at most 4000 characters", step.Error, StringComparison.Ordinal);
        }
        finally
        {
            BatchedContactsHandler.ProgressOverride = null;
        }
    }

    /// <summary>What erasing the five contacts once each changes and retains.</summary>
    private static (int Changed, int Retained) Expected()
    {
        var contact = new TestData().AddContact("acme", Ada, "Ada", "ada@example.com");
        var report = PersonalDataPlans.For<Contact>().Redact(contact, new RedactionContext(TestKeys.Key));
        return (report.ChangedCount * 5, report.RetainedCount * 5);
    }

    private static TestData Seed(out int[] applied)
    {
        var data = new TestData();
        for (var i = 0; i < 5; i++)
        {
            data.AddContact("acme", Ada, "Ada" + i, $"ada{i}@example.com");
        }

        data.AddContact("acme", Guid.NewGuid(), "Grace", "grace@example.com");
        applied = new int[5];
        BatchedContactsHandler.Applied = applied;
        return data;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    /// <summary>Erases the subject's contacts two at a time, in row order, recording the number of rows done after each batch.</summary>
    internal sealed class BatchedContactsHandler(TestData data) : IErasureHandler
    {
        public static int FailAfterBatch { get; set; }

        public static string? ProgressOverride { get; set; }

        public static int[] Applied { get; set; } = [];

        public string Name => "crm.contacts.batched";

        public IReadOnlyCollection<Type> Covers { get; } = [typeof(Contact)];

        public async Task EraseAsync(IErasureContext context, CancellationToken cancellationToken)
        {
            var rows = data.Contacts.Where(r => r.TenantId == context.Subject.TenantId && context.Subject.Is(r.Value.Id)).ToList();
            var done = context.Progress is null ? 0 : int.Parse(context.Progress, System.Globalization.CultureInfo.InvariantCulture);
            for (var batch = done / 2 + 1; done < rows.Count; batch++)
            {
                await data.EnterAsync("batch-" + batch, cancellationToken);
                foreach (var row in rows.Skip(done).Take(2))
                {
                    var contact = row.Value;
                    context.Apply(ref contact);
                    Applied[rows.IndexOf(row)]++;
                }

                done = Math.Min(done + 2, rows.Count);
                await context.SaveProgressAsync(ProgressOverride ?? done.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
                if (batch == FailAfterBatch && context.Progress == "2" && data.Runs["batch-1"] == 1)
                {
                    throw new InvalidOperationException("simulated failure after a stored batch");
                }
            }
        }
    }
}
