using FsCheck.Xunit;
using GoSmart.Privacy.Tests.EntityFramework;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.Retention;

/// <summary>
/// The retention sweeper on the EF Core chat model: each expired record once per rule, a dry run that changes nothing,
/// legal holds honoured and their release sweeping exactly what they kept, a crash resumed, and every rule that cannot be
/// applied reported.
/// </summary>
public class RetentionSweepTests
{
    private static readonly RetentionRule OldPosts = new()
    {
        Name = "old-posts",
        Scope = RetentionScope.Entity,
        Target = typeof(ChatPost).FullName!,
        Anchor = "the post was sent",
        AnchorMember = nameof(ChatPost.SentAt),
        Period = RetentionPeriod.Days(30),
        LegalReason = "no longer needed for the service after 30 days",
    };

    private static readonly DateTimeOffset March5 = new(2026, 3, 5, 9, 30, 0, TimeSpan.Zero); // posts of 1 and 2 February have expired
    private static readonly DateTimeOffset March12 = new(2026, 3, 12, 9, 30, 0, TimeSpan.Zero); // and those up to 9 February

    [SkippableTheory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Each_expired_post_is_erased_once_per_rule_and_a_dry_run_changes_nothing(Provider provider)
    {
        await using var chat = await ChatDatabase.CreateAsync(provider);
        await chat.SeedAsync();
        await using var host = chat.Host(privacy: o => o.Retention.Rules.Add(OldPosts));
        var sweeper = host.Provider.GetRequiredService<IRetentionSweeper>();
        host.Time.SetUtcNow(March5);

        var dry = await sweeper.SweepAsync(dryRun: true);
        var dryAgain = await sweeper.SweepAsync(dryRun: true);

        var line = Assert.Single(dry.Lines);
        Assert.Equal(("old-posts", "chat/ChatPost", 4), (line.Rule, line.Handler, line.Changed)); // text and time of two posts
        Assert.Equal(line.Changed, Assert.Single(dryAgain.Lines).Changed); // a dry run moves no window
        Assert.Equal(8, await UnchangedPostsAsync(chat));

        var swept = await sweeper.SweepAsync();
        var again = await sweeper.SweepAsync();

        Assert.Equal(4, Assert.Single(swept.Lines).Changed);
        Assert.Equal(0, Assert.Single(again.Lines).Changed); // the window moved on: no record twice
        Assert.Equal(6, await UnchangedPostsAsync(chat));
        host.Time.SetUtcNow(March12);
        var later = Assert.Single((await sweeper.SweepAsync()).Lines);
        Assert.Equal(10, later.Changed); // Ada's notes 3 to 5, Grace's post of 9 February with its two mentions; nothing of before
        Assert.Equal(2, await UnchangedPostsAsync(chat)); // Grace's reply of the 10th and globex's post of the 11th
        Assert.Equal(swept.Lines[0].ExpiredBefore, later.ExpiredAfter);
        var events = await host.Audit.QueryAsync(swept.RunId, default).Select(e => e.Event).ToListAsync();
        Assert.Equal(["retention.sweep.started", "retention.swept", "retention.sweep.finished"], events);
    }

    [Fact]
    public async Task A_held_subjects_records_are_skipped_and_swept_for_them_when_the_hold_is_released()
    {
        await using var chat = await ChatDatabase.CreateAsync(Provider.Sqlite);
        await chat.SeedAsync();
        await using var host = chat.Host(privacy: o => o.Retention.Rules.Add(OldPosts));
        var sweeper = host.Provider.GetRequiredService<IRetentionSweeper>();
        var holds = host.Provider.GetRequiredService<ILegalHolds>();
        var hold = await holds.PlaceAsync(new(LegalHoldScope.Subject, ChatDatabase.Ada.ToString(), "litigation", "counsel") { TenantId = "acme" });
        host.Time.SetUtcNow(March12);

        var line = Assert.Single((await sweeper.SweepAsync()).Lines);

        Assert.Equal((5, 4), (line.Held, line.Changed)); // Ada's five notes kept; Grace's post (text, time, two mentions) erased
        Assert.Equal([hold.Id], line.HeldBy);
        Assert.Equal(7, await UnchangedPostsAsync(chat));

        var release = await holds.ReleaseAsync(hold.Id, "counsel");

        var resweep = Assert.Single(release.RetentionSwept);
        Assert.Equal((10, 0), (resweep.Changed, resweep.Held));
        Assert.Equal(2, await UnchangedPostsAsync(chat));
        Assert.Equal(0, Assert.Single((await sweeper.SweepAsync()).Lines).Changed);
    }

    [Fact]
    public async Task A_sweep_that_crashes_between_batches_resumes_after_the_last_stored_batch()
    {
        await using var chat = await ChatDatabase.CreateAsync(Provider.Sqlite);
        await chat.SeedAsync();
        var faults = new FaultInjection { CrashOnSave = 2 };
        await using var host = chat.Host(o => o.BatchSize = 2, services: s => s.AddSingleton(faults), privacy: o => o.Retention.Rules.Add(OldPosts));
        var sweeper = host.Provider.GetRequiredService<IRetentionSweeper>();
        host.Time.SetUtcNow(March12);

        var crashed = Assert.Single((await sweeper.SweepAsync()).Lines);

        Assert.Contains("simulated crash", crashed.Error, StringComparison.Ordinal);
        Assert.Equal(4, crashed.Changed); // the first batch of two posts was stored; the crashed one is not counted
        Assert.Equal(6, await UnchangedPostsAsync(chat));

        var resumed = Assert.Single((await sweeper.SweepAsync()).Lines);

        Assert.Null(resumed.Error);
        Assert.Equal(14, resumed.Changed); // the tallies carried over: six posts, each counted once
        Assert.Equal(crashed.ExpiredBefore, resumed.ExpiredBefore);
        Assert.Equal(2, await UnchangedPostsAsync(chat));
    }

    [Fact]
    public async Task Reactions_past_their_period_are_deleted_and_counted()
    {
        await using var chat = await ChatDatabase.CreateAsync(Provider.Sqlite);
        await chat.SeedAsync();
        var rule = new RetentionRule
        {
            Name = "reactions", Scope = RetentionScope.Handler, Target = "chat/PostReaction", Anchor = "the reaction", AnchorMember = nameof(PostReaction.ReactedAt),
            Period = RetentionPeriod.Days(1), Action = RetentionAction.DeleteRecord, LegalReason = "usage data kept one day",
        };
        await using var host = chat.Host(privacy: o => o.Retention.Rules.Add(rule));
        host.Time.SetUtcNow(March5);

        var line = Assert.Single((await host.Provider.GetRequiredService<IRetentionSweeper>().SweepAsync()).Lines);

        Assert.Equal(2, line.Deleted);
        await using var db = chat.Open();
        Assert.Equal(0, await db.Reactions.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task Rules_that_cannot_be_swept_are_reported_with_why_never_silently_skipped()
    {
        await using var chat = await ChatDatabase.CreateAsync(Provider.Sqlite);
        await chat.SeedAsync();
        RetentionRule[] rules =
        [
            OldPosts with { Name = "no-anchor", AnchorMember = null },
            OldPosts with { Name = "wrong-anchor", AnchorMember = "Text" },
            new() { Name = "marketing", Scope = RetentionScope.Purpose, Target = "marketing.email", Anchor = "consent", Period = RetentionPeriod.Months(13), LegalReason = "consent" },
            new() { Name = "usage", Scope = RetentionScope.Category, Target = DataCategories.ContentMessage, Anchor = "sent", Period = RetentionPeriod.Months(13), LegalReason = "analytics" },
        ];
        await using var host = chat.Host(privacy: o => { foreach (var r in rules) { o.Retention.Rules.Add(r); } });
        host.Time.SetUtcNow(March12);

        var report = await host.Provider.GetRequiredService<IRetentionSweeper>().SweepAsync();

        Assert.Contains("names no AnchorMember", report.Lines.Single(l => l.Rule == "no-anchor").Error, StringComparison.Ordinal);
        Assert.Contains("SentAt", report.Lines.Single(l => l.Rule == "wrong-anchor").Error, StringComparison.Ordinal);
        Assert.Contains(report.NotSwept, n => n.StartsWith("Rule 'marketing':", StringComparison.Ordinal) && n.Contains("purpose", StringComparison.Ordinal));
        Assert.Contains(report.NotSwept, n => n.StartsWith("Rule 'usage' in 'chat/ChatPost':", StringComparison.Ordinal) && n.Contains("whole records", StringComparison.Ordinal));
        Assert.Equal(8, await UnchangedPostsAsync(chat));
    }

    [Property(MaxTest = 400)]
    public bool A_record_is_expired_exactly_when_its_anchor_is_before_the_sweeps_cutoff(DateTime anchor, uint afterSeconds, byte length, byte unit, byte zone)
    {
        var zones = new[] { TimeZoneInfo.Utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati") };
        var tz = zones[zone % zones.Length];
        var start = new DateTimeOffset(DateTime.SpecifyKind(new DateTime(anchor.Ticks - anchor.Ticks % TimeSpan.TicksPerSecond).AddYears(anchor.Year > 9000 ? -1000 : 0), DateTimeKind.Utc));
        var period = new RetentionPeriod(length % 100 + 1, (RetentionUnit)(unit % 3));
        var rule = OldPosts with { Period = period };
        var now = start.AddSeconds(afterSeconds % (86400L * 366 * 9));
        return rule.IsExpired(start, now, tz) == (start < rule.ExpiredBefore(now, tz));
    }

    internal static async Task<int> SweptPostsAsync(ChatDatabase chat) => 8 - await UnchangedPostsAsync(chat);

    private static async Task<int> UnchangedPostsAsync(ChatDatabase chat)
    {
        await using var db = chat.Open();
        var texts = await db.Posts.IgnoreQueryFilters().Select(p => p.Text).ToListAsync();
        return texts.Count(t => t.Contains("Ada", StringComparison.Ordinal) || t.Contains("Grace", StringComparison.Ordinal) || t.Contains("Globex", StringComparison.Ordinal));
    }
}

/// <summary>The hosted loop of <c>AddRetentionSweeps</c>: a sweep at start-up, then one per interval on the host's clock.</summary>
public class RetentionSweepScheduleTests
{
    [Fact]
    public async Task The_hosted_sweeper_sweeps_at_start_and_then_every_interval()
    {
        await using var chat = await ChatDatabase.CreateAsync(Provider.Sqlite);
        await chat.SeedAsync();
        var rule = new RetentionRule
        {
            Name = "old-posts", Scope = RetentionScope.Entity, Target = typeof(ChatPost).FullName!, Anchor = "sent", AnchorMember = nameof(ChatPost.SentAt),
            Period = RetentionPeriod.Days(30), LegalReason = "30 days",
        };
        await using var host = chat.Host(privacy: o => o.Retention.Rules.Add(rule), services: s => s.AddLogging());
        host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 9, 30, 0, TimeSpan.Zero));
        var sweeper = host.Provider.GetRequiredService<IRetentionSweeper>();
        var loop = new GoSmart.Privacy.RetentionSweeps.SweepLoop(sweeper, TimeSpan.FromHours(6), dryRun: false, host.Time,
            host.Provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<GoSmart.Privacy.RetentionSweeps.SweepLoop>>());

        await loop.StartAsync(default);
        await WaitForAsync(() => sweeper.LastReport is not null);
        var first = sweeper.LastReport!;
        Assert.Equal(4, first.Lines.Single().Changed); // the posts of 1 and 2 February

        host.Time.Advance(TimeSpan.FromDays(7)); // 12 March: the next tick sweeps what expired since (later ticks find nothing new)
        await WaitForAsync(() => sweeper.LastReport!.RunId != first.RunId);
        await loop.StopAsync(default);
        Assert.Equal(6, await RetentionSweepTests.SweptPostsAsync(chat)); // every expired post, each once: Ada's five notes and Grace's post of the 9th

        var refused = Assert.Throws<PrivacyException>(() => new ServiceCollection().AddGoSmartPrivacy(o => { }).AddRetentionSweeps(TimeSpan.FromSeconds(5)));
        Assert.Contains("at least one minute", refused.Message, StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }
}
