using GoSmart.Privacy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GoSmart.Privacy.Benchmarks;

/// <summary>A chat message in an EF Core table: its time is generalised, so erasure goes through the change tracker.</summary>
public sealed class EfMessage
{
    public long Id { get; set; }
    [NotPersonalData] public string TenantId { get; set; } = "";
    [DataSubjectId] public Guid AuthorId { get; set; }
    [PersonalField(DataCategories.ContentMessage)] public string Text { get; set; } = "";
    [PersonalField(DataCategories.BehaviorServiceUsage, Erasure = ErasureStrategy.Generalize)] public DateTime SentAt { get; set; }
}

/// <summary>A note whose every member erases to a constant: erasure may be one set-based statement.</summary>
public sealed class EfNote
{
    public long Id { get; set; }
    [NotPersonalData] public string TenantId { get; set; } = "";
    [DataSubjectId] public Guid AuthorId { get; set; }
    [PersonalField(DataCategories.ContentMessage)] public string Text { get; set; } = "";
    [PersonalField(DataCategories.ContentMessage)] public string? Title { get; set; }
}

/// <summary>The messages' context.</summary>
public sealed class EfMessagesContext(DbContextOptions<EfMessagesContext> options) : DbContext(options)
{
    public DbSet<EfMessage> Messages => Set<EfMessage>();
}

/// <summary>The notes' context.</summary>
public sealed class EfNotesContext(DbContextOptions<EfNotesContext> options) : DbContext(options)
{
    public DbSet<EfNote> Notes => Set<EfNote>();
}

/// <summary>Builds the benchmark databases: one author's N rows among another author's, inserted with one prepared statement.</summary>
public static class EfBenchData
{
    public static readonly Guid Ada = new("0a0a0a0a-0000-4000-8000-00000000000a");
    public static readonly Guid Grace = new("0b0b0b0b-0000-4000-8000-00000000000b");

    public static async Task CreateAsync<TContext>(string file, int rows, Func<DbContextOptions<TContext>, TContext> create, string table)
        where TContext : DbContext
    {
        await using (var db = create(new DbContextOptionsBuilder<TContext>().UseSqlite("Data Source=" + file).Options))
        {
            await db.Database.EnsureCreatedAsync();
        }

        SqliteConnection.ClearAllPools(); // EF Core's pooled connection would hold the file against the journal change below

        await using var connection = new SqliteConnection("Data Source=" + file + ";Pooling=False");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        var timeColumn = table == "Messages" ? "SentAt" : "Title";
        insert.CommandText = $"INSERT INTO \"{table}\" (TenantId, AuthorId, Text, {timeColumn}) VALUES ('acme', $a, $t, $x)";
        var author = insert.Parameters.Add("$a", SqliteType.Text);
        var text = insert.Parameters.Add("$t", SqliteType.Text);
        var extra = insert.Parameters.Add("$x", SqliteType.Text);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < rows + rows / 10; i++)
        {
            author.Value = (i < rows ? Ada : Grace).ToString().ToUpperInvariant(); // EF Core's SQLite GUID text form
            text.Value = "Message number " + i + " about the Analytical Society's next meeting.";
            extra.Value = table == "Messages" ? start.AddSeconds(i).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "Title " + i;
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();

        // EF Core creates SQLite databases in WAL mode: fold the log into the file, so that copying the file copies the rows.
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
        await checkpoint.ExecuteNonQueryAsync();
        SqliteConnection.ClearAllPools();
    }
}
