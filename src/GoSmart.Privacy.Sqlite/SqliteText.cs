using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace GoSmart.Privacy.Sqlite;

/// <summary>How values are written to and read from SQLite: times as ISO 8601 text, records as JSON.</summary>
internal static class SqliteText
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)
        ?? throw new PrivacyException($"A stored {typeof(T).Name} could not be read: the row holds null. The database may have been edited by hand.");

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
