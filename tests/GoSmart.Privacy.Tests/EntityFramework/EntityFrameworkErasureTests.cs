using GoSmart.Privacy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GoSmart.Privacy.Tests.EntityFramework.ChatDatabase;

namespace GoSmart.Privacy.Tests.EntityFramework;

/// <summary>One registration erases and exports a subject across every tagged entity of a chat context, on SQLite and PostgreSQL.</summary>
public class EntityFrameworkErasureTests
{
    public static TheoryData<Provider> Providers => [Provider.Sqlite, Provider.Postgres];

    public static TheoryData<Provider, bool> ProvidersAndTenancy => new() { { Provider.Sqlite, false }, { Provider.Sqlite, true }, { Provider.Postgres, false }, { Provider.Postgres, true } };

    [SkippableTheory]
    [MemberData(nameof(ProvidersAndTenancy))]
    public async Task Erasing_ada_reaches_every_entity_and_her_parts_in_others_rows_and_nothing_else(Provider provider, bool tenantByQueryFilter)
    {
        await using var database = await CreateAsync(provider);
        await database.SeedAsync();
        await using var host = database.Host(o =>
        {
            o.Entity<PostAttachment>(e => e.EraseBy(EntityErasureMode.Delete));
            if (tenantByQueryFilter)
            {
                o.TenantProperty = null; // the context's own "Tenant" filter keeps tenants apart; only "SoftDelete" is ignored
                o.UseTenantQueryFilter((db, tenant) => db.CurrentTenant = tenant);
                o.SoftDeleteFilters.Add("SoftDelete");
            }
        });

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));

        var done = await host.Service.GetAsync(request.Id);
        Assert.Equal(PrivacyRequestStatus.CompletedWithExemptions, done!.Status);
        var steps = (await host.Steps.GetStepsAsync(request.Id, default)).ToDictionary(s => s.Handler);
        Assert.Equal(["chat/ChatPost", "chat/ChatUser", "chat/PostAttachment", "chat/PostReaction", "chat/ReadReceipt", "chat/SupportTicket"], steps.Keys.Order());
        Assert.All(steps.Values, s => Assert.Equal(StepState.Completed, s.State));
        Assert.Equal(5, steps["chat/PostAttachment"].Result!.Deleted);
        Assert.Equal(1, steps["chat/ReadReceipt"].Result!.Deleted); // its device name is part of the key: the row goes

        await using var db = database.Open();
        var ada = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.TenantId == "acme" && u.Id == Ada);
        Assert.Equal("", ada.DisplayName);
        Assert.StartsWith("hmac:", ada.Email, StringComparison.Ordinal);
        Assert.Equal(120m, ada.Billed); // retained under its exemption, and reported
        Assert.Null(ada.Profile.Bio);
        var posts = await db.Posts.IgnoreQueryFilters().Where(p => p.TenantId == "acme").OrderBy(p => p.Id).ToListAsync();
        Assert.All(posts.Where(p => p.AuthorId == Ada), p => Assert.Equal("", p.Text)); // the soft-deleted one too
        var graces = posts.Single(p => p.Text == "Grace's words for Ada and Linus");
        Assert.Equal(["", "Linus"], graces.Mentions.Select(m => m.DisplayName)); // Ada's part of Grace's message, and only it
        Assert.Contains(posts, p => p.Text == "Grace replies to Ada");
        Assert.Empty(await db.Attachments.Where(a => a.TenantId == "acme").ToListAsync());
        var reactions = await db.Reactions.OrderBy(r => r.Emoji).ToListAsync();
        Assert.Equal([default, new DateTime(2026, 3, 1, 11, 0, 0, DateTimeKind.Utc)], reactions.Select(r => r.ReactedAt)); // Ada's +1 is erased, Grace's heart stays
        Assert.Equal(["Grace's laptop"], await db.Receipts.Select(r => r.Device).ToListAsync());
        var tickets = await db.Tickets.OrderBy(t => t.Id).ToListAsync();
        Assert.Equal([(null, "", null), ("unassigned", "Carol", 35), ("Grace's ticket", "Dan", null), ("globex ticket", "Eve", 29)], tickets.Select(t => (t.Note, t.Requester, t.RequesterAge)));

        // The other tenant's Ada is another person's data: untouched.
        var globex = await db.Users.SingleAsync(u => u.TenantId == "globex");
        Assert.Equal(("Ada at Globex", "ada@globex.example"), (globex.DisplayName, globex.Email));
        Assert.Contains(await db.Posts.Where(p => p.TenantId == "globex").Select(p => p.Text).ToListAsync(), t => t == "Globex Ada's words");
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Deleting_adas_posts_deletes_their_required_dependents_first_unlinks_optional_ones_and_counts_every_row(Provider provider)
    {
        await using var database = await CreateAsync(provider);
        await database.SeedAsync();
        await using var host = database.Host(o => o.Entity<ChatPost>(e => e.EraseBy(EntityErasureMode.Delete)));

        var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));

        var step = (await host.Steps.GetStepsAsync(request.Id, default)).Single(s => s.Handler == "chat/ChatPost");
        Assert.Equal(StepState.Completed, step.State);
        Assert.Equal(5 + 5 + 1, step.Result!.Deleted); // her posts (the soft-deleted one too), their files, Grace's reaction on one of them
        await using var db = database.Open();
        var posts = await db.Posts.IgnoreQueryFilters().Where(p => p.TenantId == "acme").OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(["Grace's words for Ada and Linus", "Grace replies to Ada"], posts.Select(p => p.Text));
        Assert.Equal(["", "Linus"], posts[0].Mentions.Select(m => m.DisplayName)); // another person's row: only Ada's part is erased
        Assert.Null(posts[1].ReplyToId); // an optional reference to a deleted post is unlinked, the reply kept
        Assert.Empty(await db.Attachments.Where(a => a.TenantId == "acme").ToListAsync());
        Assert.Equal(["+1"], await db.Reactions.Select(r => r.Emoji).ToListAsync());
        Assert.Single(await db.Posts.Where(p => p.TenantId == "globex").ToListAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Exporting_ada_streams_her_rows_in_key_order_soft_deleted_included_and_the_rows_that_hold_her_parts(Provider provider)
    {
        await using var database = await CreateAsync(provider);
        await database.SeedAsync();
        await using var host = database.Host();
        using var scope = host.Provider.CreateScope();
        var exporters = GoSmart.Privacy.Requests.Engine.RegisteredHandlers.Of<IPersonalDataExporter>(scope.ServiceProvider).ToDictionary(e => e.Name);
        var ada = new SubjectRef("acme", Ada.ToString());

        var posts = await exporters["chat/ChatPost"].ExportAsync(ada, default).Cast<ChatPost>().ToListAsync();
        var users = await exporters["chat/ChatUser"].ExportAsync(ada, default).Cast<ChatUser>().ToListAsync();
        var files = await exporters["chat/PostAttachment"].ExportAsync(ada, default).Cast<PostAttachment>().ToListAsync();

        Assert.Equal(["Ada's note 1", "Ada's note 2", "Ada's note 3", "Ada's note 4", "Ada's note 5", "Grace's words for Ada and Linus"], posts.Select(p => p.Text));
        Assert.Equal(posts.Select(p => p.Id).Order(), posts.Select(p => p.Id));
        Assert.Equal("Ada Lovelace writes", Assert.Single(users).Profile.Bio);
        Assert.Equal(5, files.Count);
        Assert.Empty(await exporters["chat/ChatPost"].ExportAsync(new SubjectRef("initech", Ada.ToString()), default).ToListAsync());
        Assert.Empty(await exporters["chat/ChatPost"].ExportAsync(new SubjectRef("acme", "not-a-guid"), default).ToListAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_set_based_path_and_the_tracked_path_leave_the_same_rows_and_report_the_same_counts(Provider provider)
    {
        var results = new List<HandlerResult>();
        var rows = new List<string>();
        foreach (var mode in new[] { EntityErasureMode.Anonymise, EntityErasureMode.AnonymiseTracked })
        {
            await using var database = await CreateAsync(provider);
            await database.SeedAsync();
            await using var host = database.Host(o => o.Entity<SupportTicket>(e => e.EraseBy(mode)));
            var request = await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", Ada.ToString())));
            results.Add((await host.Steps.GetStepsAsync(request.Id, default)).Single(s => s.Handler == "chat/SupportTicket").Result!);
            await using var db = database.Open();
            rows.Add(string.Join("|", await db.Tickets.OrderBy(t => t.Id).Select(t => t.Note + "," + t.Requester + "," + t.RequesterAge).ToListAsync()));
        }

        Assert.Equal((results[0].Changed, results[0].Retained, results[0].NotWritable, results[0].Deleted), (results[1].Changed, results[1].Retained, results[1].NotWritable, results[1].Deleted));
        Assert.Equal(3, results[0].Changed); // Ada's ticket: the note, the requester's name and age
        Assert.Equal(rows[0], rows[1]);
    }
}
