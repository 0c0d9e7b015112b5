using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;
using static GoSmart.Privacy.Tests.EntityFramework.ChatDatabase;

namespace GoSmart.Privacy.Tests.EntityFramework;

/// <summary>
/// Over generated datasets — users with the same ids in two tenants, posts that mention anyone, reactions, tickets —
/// erasing a subject in one tenant leaves every row of the other tenant byte-identical, and every row of the same
/// tenant that neither is the subject's nor holds their part unchanged.
/// </summary>
public sealed class EntityFrameworkTenantProperties
{
    private static readonly Guid[] People = [Ada, Grace, Linus];
    private static readonly string[] Tenants = ["acme", "globex"];

    [Property(MaxTest = 25)]
    public async Task<bool> Erasing_a_subject_leaves_the_other_tenant_byte_identical((byte Tenant, byte Author, byte Mentioned, bool Reacts, bool Ticket)[] rows, byte subject)
    {
        await using var database = await CreateAsync(Provider.Sqlite);
        await using (var db = database.Open())
        {
            foreach (var tenant in Tenants)
            {
                db.AddRange(People.Select(p => new ChatUser { Id = p, TenantId = tenant, DisplayName = tenant + "-" + p.ToString()[..4], Email = p + "@" + tenant }));
            }

            var day = 0;
            foreach (var (t, a, m, reacts, ticket) in rows.Take(30))
            {
                var tenant = Tenants[t % 2];
                var post = new ChatPost { TenantId = tenant, AuthorId = People[a % 3], Text = $"post {day}", SentAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(day++) };
                post.Mentions.Add(new PostMention { UserId = People[m % 3], DisplayName = "mention " + day });
                db.Add(post);
                if (ticket)
                {
                    db.Add(new SupportTicket { TenantId = tenant, AssigneeId = People[m % 3], Note = "note " + day, Requester = "r" + day, RequesterAge = day });
                }

                await db.SaveChangesAsync();
                if (reacts)
                {
                    db.Add(new PostReaction { TenantId = tenant, UserId = People[m % 3], PostId = post.Id, Emoji = "e" + day, ReactedAt = post.SentAt });
                    await db.SaveChangesAsync();
                }
            }
        }

        var erased = People[subject % 3];
        var before = await SnapshotAsync(database);
        await using (var host = database.Host())
        {
            await host.Service.SubmitAsync(new(PrivacyRequestKind.Erasure, new SubjectRef("acme", erased.ToString())));
        }

        var after = await SnapshotAsync(database);
        bool Untouched(Row row) => row.Tenant == "globex" || (row.Owner != erased && !row.Holds.Contains(erased));
        return before.Where(Untouched).SequenceEqual(after.Where(Untouched))
            && before.Count(r => !Untouched(r)) == after.Count(r => !Untouched(r));
    }

    private static async Task<List<Row>> SnapshotAsync(ChatDatabase database)
    {
        await using var db = database.Open();
        var users = (await db.Users.IgnoreQueryFilters().ToListAsync()).Select(u => new Row(u.TenantId, "user " + u.Id + u.DisplayName + u.Email + u.Billed + u.Profile.Bio, u.Id, []));
        var posts = (await db.Posts.IgnoreQueryFilters().ToListAsync()).Select(p => new Row(p.TenantId, "post " + p.Id + p.Text + p.SentAt.Ticks + string.Join(",", p.Mentions.Select(m => m.UserId + m.DisplayName)), p.AuthorId, [.. p.Mentions.Select(m => m.UserId)]));
        var reactions = (await db.Reactions.IgnoreQueryFilters().ToListAsync()).Select(r => new Row(r.TenantId, "reaction " + r.PostId + r.Emoji + r.ReactedAt.Ticks, r.UserId, []));
        var tickets = (await db.Tickets.IgnoreQueryFilters().ToListAsync()).Select(t => new Row(t.TenantId, "ticket " + t.Id + t.Note + t.Requester + t.RequesterAge, t.AssigneeId ?? Guid.Empty, []));
        return [.. users.Concat(posts).Concat(reactions).Concat(tickets).OrderBy(r => r.Text, StringComparer.Ordinal)];
    }

    private sealed record Row(string Tenant, string Text, Guid Owner, Guid[] Holds)
    {
        public bool Equals(Row? other) => other is not null && Tenant == other.Tenant && Text == other.Text;

        public override int GetHashCode() => HashCode.Combine(Tenant, Text);
    }
}
