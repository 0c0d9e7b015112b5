using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>
/// Retention: the rows of every tenant whose anchor property lies in the sweep's window, in key-ordered batches, each one
/// transaction, each recorded as progress — erased by the plan (a whole row: retention is about the record, not a
/// subject) or deleted with their dependents. Rows under legal hold are skipped; a dry run counts and stores nothing.
/// </summary>
internal sealed partial class EntityHandler<TContext, T>
{
    private static readonly ConcurrentDictionary<Type, Action<IRetentionContext, object>> RetentionAppliers = new();

    public async Task SweepAsync(IRetentionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rule = context.Rule;
        var anchor = AnchorOf(rule);
        if (map.TenantProperty is null && options.SingleTenantId is null)
        {
            throw new PrivacyException($"Retention rule '{rule.Name}' cannot sweep '{Name}': with UseTenantQueryFilter the handler cannot tell a row's tenant, so legal holds could not be honoured. Set TenantProperty (or SingleTenant) in AddEntityFrameworkCore.");
        }

        var last = KeysetPages.Read(context.Progress, map.Key, Name);
        await using var lease = Open(null);
        var db = lease.Db;
        var rows = db.Set<T>().IgnoreQueryFilters().Where(Window(anchor, context.ExpiredAfter, context.ExpiredBefore));
        var deletes = rule.Action == RetentionAction.DeleteRecord || map.Erasure == ErasurePath.Delete; // a row whose key the plan rewrites goes as a whole
        await InBatchesAsync(db, rows, last, "swept", async batch =>
        {
            var deleted = new List<object>();
            foreach (var row in batch)
            {
                var subject = map.Plan.SubjectIdPath is null ? null : Convert.ToString(PersonalDataPlans.For(row.GetType()).GetSubjectId(row), CultureInfo.InvariantCulture);
                if (context.IsHeld(TenantOf(db, row), subject))
                {
                    continue; // loaded, untouched
                }

                if (deletes)
                {
                    deleted.Add(row);
                }
                else
                {
                    RetentionAppliers.GetOrAdd(row.GetType(), RetentionApplierFor)(context, row);
                }
            }

            await DependentRows.RemoveAndCountAsync(db, deleted, context.RecordDeleted, cancellationToken).ConfigureAwait(false);
        }, key => context.SaveProgressAsync(KeysetPages.Write(key), cancellationToken), cancellationToken, save: !context.DryRun).ConfigureAwait(false);
    }

    /// <summary>The entity's property that holds the rule's anchor time.</summary>
    private IProperty AnchorOf(RetentionRule rule)
    {
        var dates = map.EntityType.GetProperties().Where(p => IsTime(p.ClrType)).Select(p => p.Name).ToList();
        if (string.IsNullOrWhiteSpace(rule.AnchorMember))
        {
            throw new PrivacyException($"Retention rule '{rule.Name}' names no AnchorMember, so '{Name}' cannot tell when a row's period started. Set AnchorMember to the property holding '{rule.Anchor}'{Among(dates)}.");
        }

        var property = map.EntityType.FindProperty(rule.AnchorMember);
        return property is not null && IsTime(property.ClrType) ? property
            : throw new PrivacyException($"Retention rule '{rule.Name}' anchors on '{rule.AnchorMember}', which '{typeof(T).Name}' has no DateTime or DateTimeOffset property of{Among(dates)}. Name the property that holds '{rule.Anchor}'.");
    }

    private static string Among(List<string> dates) => dates.Count == 0 ? " (it has none: add one, or scope the rule to another entity)" : ", one of: " + string.Join(", ", dates);

    private static bool IsTime(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(DateTime) || t == typeof(DateTimeOffset));

    /// <summary><c>after &lt;= anchor &lt; before</c>, in the property's own type (a <c>DateTime</c> is taken as UTC); a row with no anchor is in no window.</summary>
    private static Expression<Func<T, bool>> Window(IProperty anchor, DateTimeOffset after, DateTimeOffset before)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var value = SubjectFilters.Shadow(row, anchor.Name, anchor.ClrType);
        var plain = Nullable.GetUnderlyingType(anchor.ClrType) ?? anchor.ClrType;
        Expression Bound(DateTimeOffset at) => Expression.Constant(plain == typeof(DateTime) ? at.UtcDateTime : (object)at, anchor.ClrType);
        Expression condition = Expression.LessThan(value, Bound(before));
        if (after > DateTimeOffset.MinValue)
        {
            condition = Expression.AndAlso(Expression.GreaterThanOrEqual(value, Bound(after)), condition);
        }

        return Expression.Lambda<Func<T, bool>>(condition, row);
    }

    private string TenantOf(TContext db, T row) =>
        map.TenantProperty is { } tenant ? Convert.ToString(db.Entry(row).Property(tenant.Name).CurrentValue, CultureInfo.InvariantCulture) ?? string.Empty : options.SingleTenantId!;

    private static Action<IRetentionContext, object> RetentionApplierFor(Type runtimeType) =>
        (Action<IRetentionContext, object>)Delegate.CreateDelegate(typeof(Action<IRetentionContext, object>), typeof(EntityHandler<TContext, T>).GetMethod(nameof(RetainAs), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(runtimeType));

    /// <summary>Applies the plan of the row's own type to the whole row.</summary>
    private static void RetainAs<TRow>(IRetentionContext context, object row)
    {
        var typed = (TRow)row;
        context.Apply(ref typed);
    }
}
