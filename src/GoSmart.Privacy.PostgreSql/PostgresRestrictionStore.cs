using static GoSmart.Privacy.PostgreSql.PostgresCommands;

namespace GoSmart.Privacy.PostgreSql;

/// <summary>Restrictions (Art. 18) and objections (Art. 21) in PostgreSQL.</summary>
public sealed class PostgresRestrictionStore(PostgresPrivacyDatabase database) : IRestrictionStore
{
    /// <inheritdoc />
    public bool IsShared => true;

    /// <inheritdoc />
    public Task SetRestrictedAsync(SubjectRef subject, bool restricted, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return database.WriteAsync((connection, transaction) => ExecuteAsync(connection, transaction,
            """
            INSERT INTO privacy_restrictions (tenant_id, subject_id, subject_kind, restricted, updated_at) VALUES (@t, @s, @k, @r, @at)
            ON CONFLICT (tenant_id, subject_id, subject_kind) DO UPDATE SET restricted = excluded.restricted, updated_at = excluded.updated_at
            """,
            cancellationToken, ("t", subject.TenantId), ("s", subject.SubjectId), ("k", (int)subject.Kind), ("r", restricted), ("at", at)), cancellationToken);
    }

    /// <inheritdoc />
    public Task AddObjectionAsync(SubjectRef subject, string purpose, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        return database.WriteAsync((connection, transaction) => ExecuteAsync(connection, transaction,
            "INSERT INTO privacy_objections (tenant_id, subject_id, subject_kind, purpose, at) VALUES (@t, @s, @k, @p, @at) ON CONFLICT DO NOTHING",
            cancellationToken, ("t", subject.TenantId), ("s", subject.SubjectId), ("k", (int)subject.Kind), ("p", purpose), ("at", at)), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> IsRestrictedAsync(SubjectRef subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT restricted FROM privacy_restrictions WHERE tenant_id = @t AND subject_id = @s AND subject_kind = @k",
            ("t", subject.TenantId), ("s", subject.SubjectId), ("k", (int)subject.Kind));
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyCollection<string>> GetObjectionsAsync(SubjectRef subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT purpose FROM privacy_objections WHERE tenant_id = @t AND subject_id = @s AND subject_kind = @k ORDER BY purpose",
            ("t", subject.TenantId), ("s", subject.SubjectId), ("k", (int)subject.Kind));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var purposes = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            purposes.Add(reader.GetString(0));
        }

        return purposes;
    }
}
