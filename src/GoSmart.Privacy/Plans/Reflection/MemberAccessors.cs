using System.Linq.Expressions;
using System.Reflection;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>
/// Compiles typed getters and setters for a member, taking the owner as <see cref="object"/> so that a boxed
/// struct is read and written in its box. Compiled once per member: no per-call <c>PropertyInfo.GetValue</c>.
/// </summary>
internal static class MemberAccessors
{
    public static Func<object, TValue> Getter<TValue>(MemberInfo member)
    {
        var owner = Expression.Parameter(typeof(object), "owner");
        Expression body = Access(owner, member);
        if (body.Type != typeof(TValue))
        {
            body = Expression.Convert(body, typeof(TValue));
        }

        return Expression.Lambda<Func<object, TValue>>(body, owner).Compile();
    }

    public static Action<object, TValue>? Setter<TValue>(MemberInfo member)
    {
        if (!IsWritable(member))
        {
            return null;
        }

        var owner = Expression.Parameter(typeof(object), "owner");
        var value = Expression.Parameter(typeof(TValue), "value");
        var target = Access(owner, member);
        Expression assigned = target.Type == typeof(TValue) ? value : Expression.Convert(value, target.Type);
        return Expression.Lambda<Action<object, TValue>>(Expression.Assign(target, assigned), owner, value).Compile();
    }

    public static bool IsWritable(MemberInfo member) => member switch
    {
        PropertyInfo p => p.SetMethod is not null,
        FieldInfo f => !f.IsInitOnly && !f.IsLiteral,
        _ => false,
    };

    public static Type MemberType(MemberInfo member) => member switch
    {
        PropertyInfo p => p.PropertyType,
        FieldInfo f => f.FieldType,
        _ => throw new ArgumentException($"{member} is neither a property nor a field.", nameof(member)),
    };

    /// <summary>The member of <paramref name="owner"/> (an <see cref="object"/>), read and written in place: a struct in its box.</summary>
    public static MemberExpression Access(ParameterExpression owner, MemberInfo member)
    {
        var declaring = member.DeclaringType!;
        Expression instance = declaring.IsValueType ? Expression.Unbox(owner, declaring) : Expression.Convert(owner, declaring);
        return member switch
        {
            PropertyInfo p => Expression.Property(instance, p),
            FieldInfo f => Expression.Field(instance, f),
            _ => throw new ArgumentException($"{member} is neither a property nor a field.", nameof(member)),
        };
    }
}
