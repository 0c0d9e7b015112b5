using Microsoft.EntityFrameworkCore;

namespace GoSmart.Crm.Sample;

/// <summary>One switch between the sample databases: a connection string with <c>Host=</c> is PostgreSQL, anything else a SQLite file.</summary>
internal static class SampleDatabase
{
    /// <summary>Configures a context for <paramref name="connectionString"/>.</summary>
    /// <param name="options">The context's options.</param>
    /// <param name="connectionString">A SQLite (<c>Data Source=crm.db</c>) or PostgreSQL (<c>Host=…;Database=crm</c>) connection string.</param>
    /// <returns>The options.</returns>
    public static DbContextOptionsBuilder Use(this DbContextOptionsBuilder options, string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? options.UseNpgsql(connectionString) : options.UseSqlite(connectionString);
}
