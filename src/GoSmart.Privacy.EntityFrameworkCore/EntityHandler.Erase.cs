using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>Erasure: one set-based statement, or key-ordered batches, each one transaction, each recorded as progress.</summary>
internal sealed partial class EntityHandler<TContext, T>
{
    private const string SetBasedDone = "set-based:done";
    private static readonly ConcurrentDictionary<Type, Action<IErasureContext, object>> Appliers = new();

    public async Task EraseAsync(IErasureContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (map.Erasure == ErasurePath.SetBased)
        {
            await EraseSetBasedAsync(context, cancellationToken).ConfigureAwait(false);
            return;
        }

        var last = KeysetPages.Read(context.Progress, map.Key, Name);
        await using var lease = Open(context.Subject);
        var db = lease.Db;
        await InBatchesAsync(db, Rows(db, context.Subject, ownRowsOnly: false, context.MentionTerms), last, "erased", async batch =>
        {
            var deleted = new List<object>();
            foreach (var row in batch)
            {
                if (map.Erasure == ErasurePath.Delete && IsOwn(row, context.Subject))
                {
                    deleted.Add(row);
                }
                else
                {
                    Appliers.GetOrAdd(row.GetType(), ApplierFor)(context, row);
                }
            }

            await DependentRows.RemoveAndCountAsync(db, deleted, context.RecordDeleted, cancellationToken).ConfigureAwait(false);
        }, key => context.SaveProgressAsync(KeysetPages.Write(key), cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One <c>UPDATE … SET column = constant</c> over the subject's rows, counted first in the same transaction as the plan counts.</summary>
    private async Task EraseSetBasedAsync(IErasureContext context, CancellationToken cancellationToken)
    {
        if (context.Progress == SetBasedDone)
        {
            return; // the statement committed before a crash: running it again would count it twice
        }

        await using var lease = Open(context.Subject);
        var db = lease.Db;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rows = Rows(db, context.Subject, ownRowsOnly: true);
        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var member in map.SetBasedMembers)
        {
            counts[member.Path] = total == 0 || !member.CanBeNull ? total
                : await rows.CountAsync(SubjectFilters.HasValue<T>(member.Property.Name, member.Property.ClrType), cancellationToken).ConfigureAwait(false);
        }

        if (total > 0)
        {
            await rows.ExecuteUpdateAsync(setters =>
            {
                foreach (var member in map.SetBasedMembers.Where(m => !m.Retained))
                {
                    SetterFor(member)(setters, member);
                }
            }, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        context.RecordSetBased(typeof(T), counts);
        await context.SaveProgressAsync(SetBasedDone, cancellationToken).ConfigureAwait(false);
    }

    private static Action<IErasureContext, object> ApplierFor(Type runtimeType) =>
        (Action<IErasureContext, object>)Delegate.CreateDelegate(typeof(Action<IErasureContext, object>), typeof(EntityHandler<TContext, T>).GetMethod(nameof(ApplyAs), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(runtimeType));

    /// <summary>Applies the plan of the row's own type (a derived entity has members its root lacks).</summary>
    private static void ApplyAs<TRow>(IErasureContext context, object row)
    {
        var typed = (TRow)row;
        context.Apply(ref typed);
    }

    private static Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<T>, SetBasedMember> SetterFor(SetBasedMember member) =>
        (Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<T>, SetBasedMember>)Delegate.CreateDelegate(
            typeof(Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<T>, SetBasedMember>),
            typeof(EntityHandler<TContext, T>).GetMethod(nameof(Set), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(member.Property.ClrType));

    private static void Set<TValue>(Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<T> setters, SetBasedMember member) =>
        setters.SetProperty(row => EF.Property<TValue>(row, member.Property.Name), (TValue)member.Erased!);
}
