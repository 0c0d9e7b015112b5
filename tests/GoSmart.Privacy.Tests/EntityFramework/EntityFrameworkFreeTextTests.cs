using GoSmart.Privacy.EntityFrameworkCore;
using GoSmart.Privacy.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GoSmart.Privacy.Tests.EntityFramework.ChatDatabase;

namespace GoSmart.Privacy.Tests.EntityFramework;

/// <summary>
/// Erasure reaches the erased subject's mentions in other people's <c>[FreeText]</c> on a real database: posts that hold no
/// part of Ada but name her are found by the handler's search, rewritten through the plan, and counted; nothing else moves.
/// </summary>
public class EntityFrameworkFreeTextTests
{
    [SkippableTheory]
    [MemberData(nameof(EntityFrameworkErasureTests.Providers), MemberType = typeof(EntityFrameworkErasureTests))]
    public async Task Erasing_ada_replaces_her_mentions_in_other_peoples_posts_of_her_tenant_and_nothing_else(Provider provider)
    {
        await using var database = await CreateAsync(provider);
        await database.SeedAsync();
        long canada;
        await using (var db = database.Open())
        {
            var post = new ChatPost { TenantId = "acme", AuthorId = Grace, Text = "Flying to Canada, adamant about it", SentAt = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc) };
            db.AddRange(post, new ChatPost { TenantId = "acme", AuthorId = Linus, Text = "mail ada@example.com or LOVELACE herself", SentAt = new DateTime(2026, 3, 2, 9, 5, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync();
            canada = post.Id;
        }

        await using var host = database.Host(
            o => o.Entity<PostAttachment>(e => e.EraseBy(EntityErasureMode.Delete)),
            services: s => s.AddSingleton(new SubjectIdentifiers { Names = ["Ada Lovelace"], EmailAddresses = ["ada@example.com"] }),
            builder: b => b.AddTextScanner().AddSubjectIdentifiers<Directory>());

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));

        Assert.Equal(PrivacyRequestStatus.CompletedWithExemptions, (await host.Service.GetAsync(request.Id))!.Status);
        await using var check = database.Open();
        var texts = await check.Posts.IgnoreQueryFilters().Where(p => p.AuthorId != Ada || p.TenantId != "acme").OrderBy(p => p.Id).Select(p => p.Text).ToListAsync();
        Assert.Equal(
            ["Grace's words for [user-1] and Linus", "Grace replies to [user-1]", "Globex Ada's words", "Flying to Canada, adamant about it", "mail [user-1] or [user-1] herself"],
            texts); // "Grace replies to Ada" holds no part of Ada: found by its text alone; globex's Ada is another person
        var posts = (await host.Steps.GetStepsAsync(request.Id, default)).Single(s => s.Handler == "chat/ChatPost").Result!;
        // Ada's 5 posts: text and time each (10); in Grace's post her mention's name; three texts whose mentions changed
        Assert.Equal(14, posts.Changed);
        Assert.Equal("Flying to Canada, adamant about it", (await check.Posts.SingleAsync(p => p.Id == canada)).Text);
    }

    private sealed class Directory(SubjectIdentifiers ada) : ISubjectIdentifierSource
    {
        public ValueTask<SubjectIdentifiers?> FindAsync(SubjectRef subject, CancellationToken cancellationToken) =>
            ValueTask.FromResult<SubjectIdentifiers?>(subject.TenantId == "acme" && subject.SubjectId == Ada.ToString() ? ada : null);
    }
}
