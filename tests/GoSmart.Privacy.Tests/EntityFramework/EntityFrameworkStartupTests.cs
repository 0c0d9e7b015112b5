using GoSmart.Privacy.EntityFrameworkCore;
using GoSmart.Privacy.Tests.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tests.EntityFramework;

/// <summary>A model the handlers cannot serve stops the host at start-up, every problem named with its fix.</summary>
public class EntityFrameworkStartupTests
{
    [Fact]
    public void Every_problem_of_a_model_is_reported_at_start_up_with_the_entity_and_the_fix()
    {
        var ex = Assert.Throws<PrivacyException>(() => Host(o => o.TenantProperty = "TenantId"));

        Assert.Contains("cannot map BadDbContext", ex.Message, StringComparison.Ordinal);
        Assert.Contains("StickyNote has personal data but no way to find its subject", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Transfer has no [DataSubjectId] and required foreign keys to several people (From, To)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("e.BelongsTo(x => x.From)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Member has no 'TenantId' property", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Order.Buyer leads to another table (Member), but the plan follows it", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Shelf", ex.Message, StringComparison.Ordinal); // tags nothing: not a tagged entity
        Assert.Contains("Locker.Pin is [CryptoShredded] but is not a mapped, writable string property", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Locker.Note is [CryptoShredded] but not tagged [PersonalField]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("StickyNote.Text is [CryptoShredded] but StickyNote has no [DataSubjectId]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_with_no_way_to_keep_tenants_apart_is_refused()
    {
        var ex = Assert.Throws<PrivacyException>(() => Host(o => { }));

        Assert.Contains("do not know how to keep tenants apart", ex.Message, StringComparison.Ordinal);
        Assert.Contains("o.TenantProperty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Owners_named_by_the_host_settle_the_ambiguity_and_a_wrong_chain_is_named()
    {
        var ex = Assert.Throws<PrivacyException>(() => Host(o =>
        {
            o.SingleTenant("acme");
            o.Entity<Transfer>(e => e.BelongsTo(t => t.From));
            o.Entity<StickyNote>(e => e.BelongsTo(n => n.Text));
        }));

        Assert.DoesNotContain("Transfer", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BelongsTo on StickyNote names 'Text', but 'Text' is not a reference navigation", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_tenant_kept_by_query_filters_an_entity_without_one_is_refused()
    {
        var ex = Assert.Throws<PrivacyException>(() => Host(o => o.UseTenantQueryFilter((db, tenant) => { })));

        Assert.Contains("Member has no query filter besides the soft-delete ones", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_001)]
    public void A_batch_size_out_of_range_is_refused(int size)
    {
        var ex = Assert.Throws<PrivacyException>(() => Host(o =>
        {
            o.SingleTenant("acme");
            o.BatchSize = size;
        }));

        Assert.Contains($"BatchSize is {size}; use 1 to 100,000 rows per transaction", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_a_context_twice_is_refused()
    {
        var ex = Assert.Throws<PrivacyException>(() => Host(o => o.SingleTenant("acme"), twice: true));

        Assert.Contains("AddEntityFrameworkCore<BadDbContext> was called twice", ex.Message, StringComparison.Ordinal);
    }

    private static RequestTestHost Host(Action<EntityFrameworkPrivacyOptions<BadDbContext>> configure, bool twice = false) =>
        new(registerHandlers: false, handlers: b =>
        {
            b.Services.AddDbContext<BadDbContext>(o => o.UseSqlite("Data Source=:memory:"));
            b.AddEntityFrameworkCore(configure);
            if (twice)
            {
                b.AddEntityFrameworkCore(configure);
            }
        });

    /// <summary>A member of a club.</summary>
    public sealed class Member
    {
        [DataSubjectId] public Guid Id { get; set; }
        [PersonalField(DataCategories.Name)] public string Name { get; set; } = "";
    }

    /// <summary>Personal data with no owner anywhere.</summary>
    public sealed class StickyNote
    {
        public int Id { get; set; }
        public string TenantId { get; set; } = "";
        [PersonalField(DataCategories.ContentMessage)][CryptoShredded] public string Text { get; set; } = "";
    }

    /// <summary>Crypto-shredding asked where it cannot be honoured.</summary>
    public sealed class Locker
    {
        public int Id { get; set; }
        public string TenantId { get; set; } = "";
        [DataSubjectId] public Guid OwnerId { get; set; }
        [PersonalField(DataCategories.Credentials)][CryptoShredded] public int Pin { get; set; }
        [CryptoShredded] public string? Note { get; set; }
    }

    /// <summary>Belongs to two people.</summary>
    public sealed class Transfer
    {
        public int Id { get; set; }
        public string TenantId { get; set; } = "";
        public Guid FromId { get; set; }
        public Member From { get; set; } = null!;
        public Guid ToId { get; set; }
        public Member To { get; set; } = null!;
        [PersonalField(DataCategories.Payment)] public string Memo { get; set; } = "";
    }

    /// <summary>Its buyer's foreign key is a shadow property configured fluently: the tags' conventions cannot see it.</summary>
    public sealed class Order
    {
        public int Id { get; set; }
        public string TenantId { get; set; } = "";
        [DataSubjectId] public Guid CustomerId { get; set; }
        public Member? Buyer { get; set; }
    }

    /// <summary>Tags nothing.</summary>
    public sealed class Shelf
    {
        public int Id { get; set; }
        public string Label { get; set; } = "";
    }

    /// <summary>A context with one of every mapping problem.</summary>
    public sealed class BadDbContext(DbContextOptions<BadDbContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Member>();
            modelBuilder.Entity<StickyNote>();
            modelBuilder.Entity<Shelf>();
            modelBuilder.Entity<Locker>();
            modelBuilder.Entity<Transfer>().HasOne(t => t.From).WithMany().HasForeignKey(t => t.FromId).OnDelete(DeleteBehavior.Restrict);
            modelBuilder.Entity<Transfer>().HasOne(t => t.To).WithMany().HasForeignKey(t => t.ToId).OnDelete(DeleteBehavior.Restrict);
            modelBuilder.Entity<Order>().HasOne(o => o.Buyer).WithMany().HasForeignKey("BuyerRef");
        }
    }
}
