using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>
/// Deletes a row the way the database would need it: its required dependents first (recursively), its optional
/// dependents unlinked, all tracked so that one <c>SaveChanges</c> orders the statements by foreign key and every
/// deleted row is counted — none goes silently through a cascade.
/// </summary>
internal static class DependentRows
{
    private static readonly MethodInfo LoadMethod = typeof(DependentRows).GetMethod(nameof(LoadAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static async Task RemoveAsync(DbContext db, object row, CancellationToken cancellationToken)
    {
        var entry = db.Entry(row);
        if (entry.State == EntityState.Deleted)
        {
            return;
        }

        foreach (var fk in entry.Metadata.GetReferencingForeignKeys().Where(f => !f.IsOwnership))
        {
            var key = fk.PrincipalKey.Properties.Select(p => entry.Property(p.Name).CurrentValue).ToArray();
            if (key.Any(k => k is null))
            {
                continue;
            }

            var dependents = await ((Task<List<object>>)LoadMethod.MakeGenericMethod(fk.DeclaringEntityType.ClrType).Invoke(null, [db, fk, key, cancellationToken])!).ConfigureAwait(false);
            foreach (var dependent in dependents)
            {
                if (fk.IsRequired || fk.DeleteBehavior == DeleteBehavior.Cascade)
                {
                    await RemoveAsync(db, dependent, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    foreach (var property in fk.Properties)
                    {
                        db.Entry(dependent).Property(property.Name).CurrentValue = null;
                    }
                }
            }
        }

        db.Remove(row);
    }

    private static async Task<List<object>> LoadAsync<TDependent>(DbContext db, IForeignKey fk, object?[] key, CancellationToken cancellationToken)
        where TDependent : class
    {
        var dependent = fk.DeclaringEntityType;
        IQueryable<TDependent> rows = dependent.HasSharedClrType ? db.Set<TDependent>(dependent.Name) : db.Set<TDependent>();
        var row = Expression.Parameter(typeof(TDependent), "row");
        Expression? match = null;
        for (var i = 0; i < fk.Properties.Count; i++)
        {
            var property = fk.Properties[i];
            var read = SubjectFilters.Shadow(row, property.Name, property.ClrType);
            var equal = Expression.Equal(read, Expression.Constant(key[i], property.ClrType));
            match = match is null ? equal : Expression.AndAlso(match, equal);
        }

        var found = await rows.IgnoreQueryFilters().Where(Expression.Lambda<Func<TDependent, bool>>(match!, row)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. found.Cast<object>()];
    }
}
