using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace GoSmart.Crm.Sample;

/// <summary>The CRM's own data: contacts as JSON rows in its own SQLite file, separate from the privacy database.</summary>
public sealed class CrmDatabase
{
    private readonly string _connectionString;

    public CrmDatabase(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        using var connection = Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE IF NOT EXISTS contacts (tenant_id TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (tenant_id, id))";
        create.ExecuteNonQuery();
    }

    public void Save(Contact contact)
    {
        using var connection = Open();
        using var upsert = connection.CreateCommand();
        upsert.CommandText = "INSERT INTO contacts (tenant_id, id, body) VALUES ($t, $i, $b) ON CONFLICT (tenant_id, id) DO UPDATE SET body = excluded.body";
        upsert.Parameters.AddWithValue("$t", contact.TenantId);
        upsert.Parameters.AddWithValue("$i", contact.Id);
        upsert.Parameters.AddWithValue("$b", JsonSerializer.Serialize(contact));
        upsert.ExecuteNonQuery();
    }

    /// <summary>Reads a subject's contacts in one tenant, one row at a time.</summary>
    public async IAsyncEnumerable<Contact> ContactsOfAsync(string tenantId, string subjectId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT body FROM contacts WHERE tenant_id = $t AND id = $i";
        select.Parameters.AddWithValue("$t", tenantId);
        select.Parameters.AddWithValue("$i", subjectId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return JsonSerializer.Deserialize<Contact>(reader.GetString(0))!;
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
