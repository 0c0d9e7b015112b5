using static GoSmart.Privacy.Sqlite.SqliteText;

namespace GoSmart.Privacy.Sqlite;

/// <summary>Restrictions (Art. 18) and objections (Art. 21) in SQLite.</summary>
public sealed class SqliteRestrictionStore(SqlitePrivacyDatabase database) : IRestrictionStore
{
    /// <inheritdoc />
    public Task SetRestrictedAsync(SubjectRef subject, bool restricted, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        database.Write((connection, transaction) =>
        {
            using var upsert = Command(connection, transaction,
                """
                INSERT INTO privacy_restrictions (tenant_id, subject_id, subject_kind, restricted, updated_at) VALUES ($t, $s, $k, $r, $at)
                ON CONFLICT (tenant_id, subject_id, subject_kind) DO UPDATE SET restricted = excluded.restricted, updated_at = excluded.updated_at
                """,
                ("$t", subject.TenantId), ("$s", subject.SubjectId), ("$k", (int)subject.Kind), ("$r", restricted ? 1 : 0), ("$at", Time(at)));
            return upsert.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AddObjectionAsync(SubjectRef subject, string purpose, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        database.Write((connection, transaction) =>
        {
            using var insert = Command(connection, transaction,
                "INSERT INTO privacy_objections (tenant_id, subject_id, subject_kind, purpose, at) VALUES ($t, $s, $k, $p, $at) ON CONFLICT DO NOTHING",
                ("$t", subject.TenantId), ("$s", subject.SubjectId), ("$k", (int)subject.Kind), ("$p", purpose), ("$at", Time(at)));
            return insert.ExecuteNonQuery();
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> IsRestrictedAsync(SubjectRef subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        using var connection = database.Open();
        using var command = Command(connection, null, "SELECT restricted FROM privacy_restrictions WHERE tenant_id = $t AND subject_id = $s AND subject_kind = $k",
            ("$t", subject.TenantId), ("$s", subject.SubjectId), ("$k", (int)subject.Kind));
        return Task.FromResult(command.ExecuteScalar() is long restricted && restricted == 1);
    }

    /// <inheritdoc />
    public Task<IReadOnlyCollection<string>> GetObjectionsAsync(SubjectRef subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        using var connection = database.Open();
        using var command = Command(connection, null, "SELECT purpose FROM privacy_objections WHERE tenant_id = $t AND subject_id = $s AND subject_kind = $k ORDER BY purpose",
            ("$t", subject.TenantId), ("$s", subject.SubjectId), ("$k", (int)subject.Kind));
        using var reader = command.ExecuteReader();
        var purposes = new List<string>();
        while (reader.Read())
        {
            purposes.Add(reader.GetString(0));
        }

        return Task.FromResult<IReadOnlyCollection<string>>(purposes);
    }
}
