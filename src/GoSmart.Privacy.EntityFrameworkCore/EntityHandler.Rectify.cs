using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace GoSmart.Privacy.EntityFrameworkCore;

/// <summary>Rectification (Art. 16): corrections applied to the subject's own rows through the change tracker, concurrency tokens honoured.</summary>
internal sealed partial class EntityHandler<TContext, T>
{
    public async Task RectifyAsync(IRectificationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var corrections = context.Corrections.Where(c => map.Covers.Any(c.IsFor)).ToList();
        if (corrections.Count == 0)
        {
            return;
        }

        await using var lease = Open(context.Subject);
        var db = lease.Db;
        var applied = corrections.ToDictionary(c => c, _ => 0);
        await InBatchesAsync(db, Rows(db, context.Subject, ownRowsOnly: true), null, "corrected", batch =>
        {
            foreach (var row in batch)
            {
                foreach (var correction in corrections.Where(c => c.IsFor(row.GetType()) && Correct(row, c)))
                {
                    applied[correction]++;
                }
            }

            return Task.CompletedTask;
        }, _ => Task.CompletedTask, cancellationToken).ConfigureAwait(false);

        foreach (var (correction, count) in applied)
        {
            context.RecordApplied(correction, count);
        }
    }

    /// <summary>Sets the corrected member: a property of the row, or of an owned part on its path (<c>Address.Street</c>).</summary>
    /// <returns><see langword="false"/> when the row has no part on the path to correct (it is not counted).</returns>
    private bool Correct(object row, MemberCorrection correction)
    {
        var path = correction.MemberPath.Split('.');
        if (correction.MemberPath.Contains("[]", StringComparison.Ordinal) || correction.MemberPath.Contains("{}", StringComparison.Ordinal))
        {
            throw new PrivacyException($"'{correction.EntityType}.{correction.MemberPath}' is inside a collection; '{Name}' corrects single members. Correct the member of the part's own record, or handle this correction in a rectification handler of your own.");
        }

        var target = row;
        for (var i = 0; i < path.Length - 1; i++)
        {
            target = Get(Member(target.GetType(), path[i]), target);
            if (target is null)
            {
                return false; // no part there to correct
            }
        }

        var member = Member(target.GetType(), path[^1]);
        var type = member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType;
        object? value = null;
        if (correction.Value is not null && !TextValues.TryParse(correction.Value, type, out value))
        {
            throw new PrivacyException($"The correction of {correction.EntityType}.{correction.MemberPath} is '{correction.Value}', which is not a {type.Name}. Pass the value as invariant-culture text of that type.");
        }

        if (value is null && type.IsValueType && Nullable.GetUnderlyingType(type) is null)
        {
            throw new PrivacyException($"The correction of {correction.EntityType}.{correction.MemberPath} clears it, but a {type.Name} always has a value. Pass the corrected value.");
        }

        SetValue(member, target, value);
        return true;
    }

    private static MemberInfo Member(Type type, string name) =>
        (MemberInfo?)type.GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
        ?? type.GetField(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
        ?? throw new PrivacyException($"{type.Name} has no member '{name}'. Correct a member path of its plan.");

    private static object? Get(MemberInfo member, object target) => member is PropertyInfo p ? p.GetValue(target) : ((FieldInfo)member).GetValue(target);

    private static void SetValue(MemberInfo member, object target, object? value)
    {
        if (member is PropertyInfo p)
        {
            p.SetValue(target, value);
        }
        else
        {
            ((FieldInfo)member).SetValue(target, value);
        }
    }
}
