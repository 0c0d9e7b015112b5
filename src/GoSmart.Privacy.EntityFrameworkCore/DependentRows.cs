using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>
/// Deletes rows the way the database would need it: their required dependents first (recursively), their optional
/// dependents unlinked, all tracked so that one <c>SaveChanges</c> orders the statements by foreign key and every
/// deleted row is counted — none goes silently through a cascade. A batch's dependents are loaded with one query per
/// foreign key, not one per row.
/// </summary>
internal static class DependentRows
{
    private static readonly MethodInfo LoadMethod = typeof(DependentRows).GetMethod(nameof(LoadAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ContainsMethod = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

    public static async Task RemoveAsync(DbContext db, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var pending = rows.Select(db.Entry).Where(e => e.State != EntityState.Deleted).ToList();
        foreach (var type in pending.GroupBy(e => e.Metadata))
        {
            foreach (var fk in type.Key.GetReferencingForeignKeys().Where(f => !f.IsOwnership))
            {
                var keys = type.Select(e => fk.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).ToArray()).Where(k => k.All(v => v is not null)).ToList();
                if (keys.Count == 0)
                {
                    continue;
                }

                var dependents = await ((Task<List<object>>)LoadMethod.MakeGenericMethod(fk.DeclaringEntityType.ClrType).Invoke(null, [db, fk, keys, cancellationToken])!).ConfigureAwait(false);
                if (fk.IsRequired || fk.DeleteBehavior == DeleteBehavior.Cascade)
                {
                    await RemoveAsync(db, dependents, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                foreach (var dependent in dependents)
                {
                    foreach (var property in fk.Properties)
                    {
                        db.Entry(dependent).Property(property.Name).CurrentValue = null;
                    }
                }
            }
        }

        foreach (var entry in pending)
        {
            db.Remove(entry.Entity);
        }
    }

    /// <summary>The rows whose foreign key <paramref name="fk"/> holds one of <paramref name="keys"/>: <c>IN (…)</c> for a one-column key.</summary>
    private static async Task<List<object>> LoadAsync<TDependent>(DbContext db, IForeignKey fk, List<object?[]> keys, CancellationToken cancellationToken)
        where TDependent : class
    {
        var dependent = fk.DeclaringEntityType;
        IQueryable<TDependent> rows = dependent.HasSharedClrType ? db.Set<TDependent>(dependent.Name) : db.Set<TDependent>();
        var row = Expression.Parameter(typeof(TDependent), "row");
        Expression match;
        if (fk.Properties.Count == 1)
        {
            var property = fk.Properties[0];
            var values = Array.CreateInstance(property.ClrType, keys.Count);
            for (var i = 0; i < keys.Count; i++)
            {
                values.SetValue(keys[i][0], i);
            }

            match = Expression.Call(ContainsMethod.MakeGenericMethod(property.ClrType), Expression.Constant(values), SubjectFilters.Shadow(row, property.Name, property.ClrType));
        }
        else
        {
            match = keys.Select(key => fk.Properties.Select((p, i) => (Expression)Expression.Equal(SubjectFilters.Shadow(row, p.Name, p.ClrType), Expression.Constant(key[i], p.ClrType))).Aggregate(Expression.AndAlso))
                .Aggregate(Expression.OrElse);
        }

        var found = await rows.IgnoreQueryFilters().Where(Expression.Lambda<Func<TDependent, bool>>(match, row)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. found.Cast<object>()];
    }

    /// <summary>Deletes <paramref name="rows"/> as <see cref="RemoveAsync"/> does, then counts every row now marked deleted, per type (never a silent cascade).</summary>
    /// <param name="db">The context tracking the rows.</param>
    /// <param name="rows">The rows to delete.</param>
    /// <param name="record">Receives each type's count.</param>
    /// <param name="cancellationToken">Cancels the loading of dependents.</param>
    /// <returns>A task that completes when the rows and their dependents are marked.</returns>
    public static async Task RemoveAndCountAsync(DbContext db, List<object> rows, Action<Type, int> record, CancellationToken cancellationToken)
    {
        await RemoveAsync(db, rows, cancellationToken).ConfigureAwait(false);
        foreach (var type in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Deleted && !e.Metadata.IsOwned()).GroupBy(e => e.Metadata.ClrType))
        {
            record(type.Key, type.Count());
        }
    }
}
