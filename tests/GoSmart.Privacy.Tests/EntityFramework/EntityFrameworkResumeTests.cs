using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GoSmart.Privacy.Tests.EntityFramework.ChatDatabase;

namespace GoSmart.Privacy.Tests.EntityFramework;

/// <summary>Batches resume after a crash without erasing a stored batch twice; concurrency conflicts are retried, then reported; corrections go through the change tracker.</summary>
public class EntityFrameworkResumeTests
{
    [SkippableTheory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_crash_between_batches_resumes_after_the_last_stored_batch_and_counts_each_row_once(Provider provider)
    {
        await using var database = await CreateAsync(provider);
        await database.SeedAsync();
        var faults = new FaultInjection { CrashOnSave = 2 };
        await using var host = database.Host(o => o.BatchSize = 2, s => s.AddSingleton(faults), privacy: null);
        await using var db = database.Open();

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));

        var step = (await host.Steps.GetStepsAsync(request.Id, default)).Single(s => s.Handler == "chat/ChatPost");
        Assert.Equal(StepState.Completed, step.State);
        Assert.Equal(2, step.Attempts);
        Assert.Equal(3, faults.Stored); // batches 1, 2 and 3 stored once each: batch 1 was not redone after the crash
        Assert.Equal(5 * 2 + 1, step.Result!.Changed); // five posts' text and time, and Ada's mention in Grace's post
        Assert.All(await db.Posts.IgnoreQueryFilters().Where(p => p.TenantId == "acme" && p.AuthorId == Ada).ToListAsync(), p => Assert.Equal("", p.Text));
    }

    [SkippableTheory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_row_changed_by_another_writer_during_erasure_is_retried_and_erased(Provider provider)
    {
        await using var database = await CreateAsync(provider);
        await database.SeedAsync();
        var faults = new FaultInjection { Entity = typeof(ChatUser), Conflicts = 1 };
        await using var host = database.Host(services: s => s.AddSingleton(faults));

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));

        var step = (await host.Steps.GetStepsAsync(request.Id, default)).Single(s => s.Handler == "chat/ChatUser");
        Assert.Equal((StepState.Completed, 2), (step.State, step.Attempts));
        await using var db = database.Open();
        Assert.Equal("", (await db.Users.SingleAsync(u => u.TenantId == "acme" && u.Id == Ada)).DisplayName);
    }

    [SkippableTheory]
    [InlineData(Provider.Sqlite)]
    public async Task A_conflict_that_persists_fails_the_step_with_the_entity_and_what_to_look_for(Provider provider)
    {
        await using var database = await CreateAsync(provider);
        await database.SeedAsync();
        var faults = new FaultInjection { Entity = typeof(ChatUser), Conflicts = 100 };
        await using var host = database.Host(services: s => s.AddSingleton(faults));

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));

        var step = (await host.Steps.GetStepsAsync(request.Id, default)).Single(s => s.Handler == "chat/ChatUser");
        Assert.Equal(StepState.Failed, step.State);
        Assert.Contains("Rows of ChatUser changed while 'chat/ChatUser' erased them", step.Error, StringComparison.Ordinal);
        Assert.NotEqual(PrivacyRequestStatus.Completed, (await host.Service.GetAsync(request.Id))!.Status);
        await using var db = database.Open();
        Assert.Equal("Ada Lovelace", (await db.Users.SingleAsync(u => u.TenantId == "acme" && u.Id == Ada)).DisplayName); // nothing half-written
    }

    [SkippableTheory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Corrections_are_applied_to_the_subjects_own_rows_and_their_owned_parts_in_the_tenant(Provider provider)
    {
        await using var database = await CreateAsync(provider);
        await database.SeedAsync();
        await using var host = database.Host();

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Rectification, new SubjectRef("acme", Ada.ToString()))
        {
            Corrections = [new MemberCorrection("ChatUser", "DisplayName", "Ada King"), new MemberCorrection("ChatUser", "Profile.City", "Paris")],
        });

        Assert.Equal(PrivacyRequestStatus.Completed, (await host.Service.GetAsync(request.Id))!.Status);
        Assert.Equal(2, (await host.Steps.GetStepsAsync(request.Id, default)).Single(s => s.Handler == "chat/ChatUser").Result!.Applied);
        await using var db = database.Open();
        var users = await db.Users.IgnoreQueryFilters().Where(u => u.Id == Ada).OrderBy(u => u.TenantId).ToListAsync();
        Assert.Equal([("acme", "Ada King", "Paris"), ("globex", "Ada at Globex", "London")], users.Select(u => (u.TenantId, u.DisplayName, u.Profile.City)));
    }
}
