using System.Data.Common;
using System.Net.Sockets;
using System.Security.Cryptography;
using GoSmart.Privacy.PostgreSql;
using GoSmart.Privacy.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tool;

/// <summary>
/// Opens the privacy store a connection string names — SQLite (<c>Data Source=…</c>) or PostgreSQL (<c>Host=…</c>) —
/// for reading: the file must exist, the server must answer, and the schema must be the one this tool reads. The tool
/// never creates or migrates a store.
/// </summary>
internal static class Stores
{
    /// <summary>The environment variable read when <c>--connection</c> is not given.</summary>
    public const string ConnectionVariable = "GOSMART_PRIVACY_CONNECTION";

    /// <summary>The environment variable holding the host's pseudonym key (needed to verify the consent ledger and HMAC certificates).</summary>
    public const string KeyVariable = "GOSMART_PRIVACY_PSEUDONYM_KEY";

    /// <summary>The connection string given, or the environment's.</summary>
    /// <exception cref="ToolException">Neither is set.</exception>
    public static string Require(string? connection) =>
        Resolve(connection) ?? throw new ToolException(ExitCodes.StoreUnreachable, $"No privacy store named. Pass --connection \"Data Source=privacy.db\" (SQLite) or \"Host=…;Database=…;Username=…\" (PostgreSQL), or set {ConnectionVariable}.");

    /// <summary>The connection string given, or the environment's, or <see langword="null"/>.</summary>
    public static string? Resolve(string? connection) =>
        string.IsNullOrWhiteSpace(connection) ? Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } env ? env : null : connection;

    /// <summary>Whether the connection string names a PostgreSQL server.</summary>
    public static bool IsPostgres(string connection)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connection;
        }
        catch (ArgumentException e)
        {
            throw new ToolException(ExitCodes.StoreUnreachable, "The connection string could not be parsed (it is not repeated here: it may hold a password). Use \"Data Source=privacy.db\" or \"Host=…;Database=…;Username=…\".", e);
        }

        return builder.ContainsKey("Host") || builder.ContainsKey("Server");
    }

    /// <summary>Checks that the store exists, answers, and has this tool's schema.</summary>
    /// <exception cref="ToolException">It does not.</exception>
    public static async Task CheckAsync(string connection, CancellationToken cancellationToken)
    {
        int stored, current;
        try
        {
            if (IsPostgres(connection))
            {
                var database = new PostgresPrivacyDatabase(connection);
                stored = await database.StoredSchemaVersionAsync(cancellationToken);
                current = PostgresPrivacyDatabase.SchemaVersion;
            }
            else
            {
                var file = new SqliteConnectionStringBuilder(connection).DataSource;
                if (!File.Exists(file))
                {
                    throw new ToolException(ExitCodes.StoreUnreachable, $"No SQLite privacy database at '{Path.GetFullPath(file)}'. Check the path in --connection (relative paths are from the current directory); the tool never creates a store.");
                }

                var database = new SqlitePrivacyDatabase(connection);
                stored = await database.StoredSchemaVersionAsync(cancellationToken);
                current = SqlitePrivacyDatabase.SchemaVersion;
            }
        }
        catch (PrivacyException e)
        {
            throw new ToolException(ExitCodes.StoreUnreachable, e.Message, e);
        }
        catch (Exception e) when (e is DbException or SocketException or TimeoutException or InvalidOperationException)
        {
            throw new ToolException(ExitCodes.StoreUnreachable, $"The privacy store did not answer: {e.Message.ReplaceLineEndings(" ")} Check the host, port, database and credentials in --connection, and that the server is running.", e);
        }

        if (stored > current)
        {
            throw new ToolException(ExitCodes.SchemaMismatch, $"The privacy store has schema version {stored}, newer than this tool's {current}: it was migrated by a newer GoSmart.Privacy. Update the tool: dotnet tool update GoSmart.Privacy.Tool.");
        }

        if (stored < current)
        {
            throw new ToolException(ExitCodes.SchemaMismatch, stored == 0
                ? "The database holds no GoSmart.Privacy store (schema version 0). Check --connection names the privacy database, not the application's."
                : $"The privacy store has schema version {stored}, older than this tool's {current}. Start a service of the matching version once to migrate it, or use the tool of the store's version; the tool never migrates a store.");
        }
    }

    /// <summary>The SDK with its defaults on the given store: what a command that only reads the store needs.</summary>
    public static void AddDefaults(IServiceCollection services, string? connection, string serviceName)
    {
        var builder = services.AddGoSmartPrivacy(o =>
        {
            o.PseudonymKey = Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } key ? key : Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            o.ServiceName = serviceName;
            o.ProcessAfterVerification = false;
        }).AddConsentLedger();
        if (connection is not null)
        {
            _ = IsPostgres(connection) ? builder.UsePostgreSql(connection) : builder.UseSqlite(connection);
        }
    }
}
