using GoSmart.Privacy;
using GoSmart.Privacy.Sqlite;
using GoSmart.Privacy.Storage.Relational;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite stores.</summary>
public static class SqlitePrivacyBuilderExtensions
{
    /// <summary>
    /// Keeps requests, steps, engines, the audit log, restrictions, objections and the consent ledger in one SQLite
    /// file, replacing the in-memory stores. The schema is created or migrated on first use, or at start-up by
    /// <see cref="SqlitePrivacyDatabase.MigrateAsync"/> on the registered <see cref="SqlitePrivacyDatabase"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">E.g. <c>Data Source=privacy.db</c>. Never logged.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="PrivacyException">The connection string is empty, malformed, or names an in-memory database.</exception>
    public static IPrivacyBuilder UseSqlite(this IPrivacyBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = new SqlitePrivacyDatabase(connectionString);
        builder.Services.Replace(ServiceDescriptor.Singleton(database)); // for MigrateAsync at start-up, backups and reports
        return builder.UseRelational(database.Relational);
    }
}
