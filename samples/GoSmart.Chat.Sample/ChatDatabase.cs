using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace GoSmart.Chat.Sample;

/// <summary>The chat's own data: messages as JSON rows in its own SQLite file.</summary>
public sealed class ChatDatabase
{
    private readonly string _connectionString;

    public ChatDatabase(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        Execute("CREATE TABLE IF NOT EXISTS messages (tenant_id TEXT NOT NULL, id TEXT NOT NULL, author_id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (tenant_id, id))");
    }

    public void Save(Message message)
    {
        using var connection = Open();
        using var upsert = connection.CreateCommand();
        upsert.CommandText = "INSERT INTO messages (tenant_id, id, author_id, body) VALUES ($t, $i, $a, $b) ON CONFLICT (tenant_id, id) DO UPDATE SET body = excluded.body";
        upsert.Parameters.AddWithValue("$t", message.TenantId);
        upsert.Parameters.AddWithValue("$i", message.Id);
        upsert.Parameters.AddWithValue("$a", message.AuthorId);
        upsert.Parameters.AddWithValue("$b", JsonSerializer.Serialize(message));
        upsert.ExecuteNonQuery();
    }

    /// <summary>A tenant's messages that involve a subject: written by them, or reacted to by them.</summary>
    public List<Message> Involving(string tenantId, string subjectId)
    {
        using var connection = Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT body FROM messages WHERE tenant_id = $t ORDER BY id";
        select.Parameters.AddWithValue("$t", tenantId);
        using var reader = select.ExecuteReader();
        var messages = new List<Message>();
        while (reader.Read())
        {
            var message = JsonSerializer.Deserialize<Message>(reader.GetString(0))!;
            if (message.AuthorId == subjectId || message.Reactions.Any(r => r.UserId == subjectId))
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    private void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
