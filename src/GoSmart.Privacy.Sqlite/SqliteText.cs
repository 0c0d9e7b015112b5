using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GoSmart.Privacy.Sqlite;

/// <summary>How values are written to and read from SQLite: times as ISO 8601 text, records as JSON (<see cref="StoredRecords"/>).</summary>
internal static class SqliteText
{
    public static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static string ToJson<T>(T value) => StoredRecords.Serialize(value);

    public static T FromJson<T>(string json) => StoredRecords.Deserialize<T>(json);

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
