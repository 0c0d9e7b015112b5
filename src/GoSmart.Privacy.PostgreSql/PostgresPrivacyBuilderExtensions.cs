using GoSmart.Privacy;
using GoSmart.Privacy.PostgreSql;
using GoSmart.Privacy.Storage.Relational;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL stores.</summary>
public static class PostgresPrivacyBuilderExtensions
{
    /// <summary>
    /// Keeps requests, steps, engines, the audit log, restrictions, objections and the consent ledger in PostgreSQL,
    /// replacing the in-memory stores: for services running as several instances against one database. The schema is
    /// created or migrated on first use.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">An Npgsql connection string. Never logged.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="PrivacyException">The connection string is empty or malformed.</exception>
    public static IPrivacyBuilder UsePostgreSql(this IPrivacyBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = new PostgresPrivacyDatabase(connectionString);
        builder.Services.Replace(ServiceDescriptor.Singleton(database)); // for MigrateAsync at start-up and reports
        return builder.UseRelational(database.Relational); // the container disposes its connection pool
    }
}
