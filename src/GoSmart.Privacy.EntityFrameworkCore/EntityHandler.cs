using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>
/// The exporter, erasure handler and rectification handler of one entity type of a <c>DbContext</c>: finds the subject's
/// rows in the request's tenant (soft-deleted ones too), reads them in key order and streams them, erases them in
/// batches (or one set-based statement) that resume after a crash, and applies corrections through the change tracker.
/// Each run gets a context of its own, so handlers of one request run side by side.
/// </summary>
/// <typeparam name="TContext">The context.</typeparam>
/// <typeparam name="T">The entity's CLR type.</typeparam>
internal sealed partial class EntityHandler<TContext, T>(EntityMap map, EntityFrameworkPrivacyOptions<TContext> options, IServiceScopeFactory scopes) : IPersonalDataExporter, IErasureHandler, IRectificationHandler, IRetentionHandler
    where TContext : DbContext
    where T : class
{
    public string Name => map.HandlerName;

    public IReadOnlyCollection<Type> Covers => map.Covers;

    public async IAsyncEnumerable<object> ExportAsync(SubjectRef subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        await using var lease = Open(subject);
        var rows = KeysetPages.OrderByKey(Rows(lease.Db, subject, ownRowsOnly: false).AsNoTracking(), map.Key);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on key-ordered batches of <paramref name="rows"/> after <paramref name="last"/>, each in one
    /// transaction — load, work, save (unless <paramref name="save"/> is off: a dry run), commit — then hands the batch's
    /// last key to <paramref name="stored"/>.
    /// </summary>
    private async Task InBatchesAsync(TContext db, IQueryable<T> rows, object?[]? last, string what, Func<List<T>, Task> work, Func<object?[], Task> stored, CancellationToken cancellationToken, bool save = true)
    {
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var page = KeysetPages.OrderByKey(rows, map.Key);
            var batch = await (last is null ? page : KeysetPages.After(page, map.Key, last)).Take(options.BatchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return;
            }

            await work(batch).ConfigureAwait(false);
            last = KeysetPages.KeyOf(db, batch[^1], map.Key);
            if (!save)
            {
                db.ChangeTracker.Clear(); // counted, not stored
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException e)
            {
                throw new DbUpdateConcurrencyException(
                    $"Rows of {typeof(T).Name} changed while '{Name}' {what} them (a concurrency token no longer matched). Nothing of this batch was stored; the step is retried from its last stored batch. If it keeps failing, find what rewrites these rows meanwhile.",
                    e);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            await stored(last).ConfigureAwait(false);
            if (batch.Count < options.BatchSize)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The subject's rows (or the rows holding their parts) in the request's tenant, soft-deleted included — and, given
    /// <paramref name="mentionTerms"/>, other people's rows whose free text contains one of them (an erasure).
    /// </summary>
    private IQueryable<T> Rows(TContext db, SubjectRef subject, bool ownRowsOnly, IReadOnlyList<string>? mentionTerms = null)
    {
        IQueryable<T> rows = db.Set<T>();
        if (map.TenantProperty is { } tenant)
        {
            rows = rows.IgnoreQueryFilters();
            rows = TextValues.TryParse(subject.TenantId, tenant.ClrType, out var id) ? rows.Where(SubjectFilters.PropertyEquals<T>(tenant.Name, tenant.ClrType, id)) : rows.Where(_ => false);
        }
        else if (options.SingleTenantId is { } only)
        {
            rows = string.Equals(only, subject.TenantId, StringComparison.Ordinal) ? rows.IgnoreQueryFilters() : rows.Where(_ => false);
        }
        else if (options.SoftDeleteFilters.Count > 0)
        {
            rows = rows.IgnoreQueryFilters([.. options.SoftDeleteFilters]); // the tenant filter stays; the context was pointed at the tenant
        }

        var mine = SubjectFilters.Subject<T>(map.Lookups, subject.SubjectId, ownRowsOnly);
        var mentioning = mentionTerms is { Count: > 0 } ? SubjectFilters.Mentioning<T>(map.FreeTextColumns, mentionTerms) : null;
        return (mine, mentioning) switch
        {
            (null, null) => rows.Where(_ => false),
            (_, null) => rows.Where(mine!),
            (null, _) => rows.Where(mentioning!),
            _ => rows.Where(SubjectFilters.Either(mine!, mentioning!)),
        };
    }

    /// <summary>A context of its own for one run, pointed at the request's tenant when the context's filter keeps tenants apart.</summary>
    private ContextLease Open(SubjectRef? subject)
    {
        var scope = scopes.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetService<IDbContextFactory<TContext>>();
        var db = factory?.CreateDbContext() ?? scope.ServiceProvider.GetRequiredService<TContext>();
        if (subject is not null)
        {
            options.TenantSetter?.Invoke(db, subject.TenantId);
        }

        return new ContextLease(scope, factory is null ? null : db, db);
    }

    /// <summary>The scope and context of one run, disposed together.</summary>
    private sealed class ContextLease(AsyncServiceScope scope, TContext? owned, TContext db) : IAsyncDisposable
    {
        public TContext Db => db;

        public async ValueTask DisposeAsync()
        {
            if (owned is not null)
            {
                await owned.DisposeAsync().ConfigureAwait(false);
            }

            await scope.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Whether a loaded row is the subject's own (rather than another person's row holding their part).</summary>
    private bool IsOwn(T row, SubjectRef subject) =>
        map.Plan.SubjectIdPath is null || subject.Is(PersonalDataPlans.For(row.GetType()).GetSubjectId(row));
}
