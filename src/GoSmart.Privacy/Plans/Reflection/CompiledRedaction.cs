using System.Linq.Expressions;
using System.Reflection;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>
/// Compiles the whole redaction of one scalar member into one delegate — read, null check, record, apply the
/// strategy, write back (or report that it cannot be written) — the work a generated plan does inline.
/// </summary>
internal static class CompiledRedaction
{
    private static readonly MethodInfo RecordMethod = typeof(RedactionReport).GetMethod(nameof(RedactionReport.Record))!;
    private static readonly MethodInfo RecordNotWritableMethod = typeof(RedactionReport).GetMethod(nameof(RedactionReport.RecordNotWritable))!;

    public static Action<object, RedactionContext, RedactionReport> Scalar<T>(MemberInfo member, int index, StrategySpec spec, ScalarOps<T> ops)
    {
        var owner = Expression.Parameter(typeof(object), "owner");
        var context = Expression.Parameter(typeof(RedactionContext), "context");
        var report = Expression.Parameter(typeof(RedactionReport), "report");
        var current = Expression.Variable(typeof(T), "current");
        var redacted = Expression.Variable(typeof(T), "redacted");
        var target = MemberAccessors.Access(owner, member);
        var read = target.Type == typeof(T) ? (Expression)target : Expression.Convert(target, typeof(T));

        var body = new List<Expression> { Expression.Call(report, RecordMethod, Expression.Constant(index), Expression.Constant(1)) };
        if (spec.Strategy != ErasureStrategy.Retain)
        {
            Expression apply = spec.Strategy switch
            {
                ErasureStrategy.Erase when spec.EraseToEmpty => Expression.Constant(string.Empty, typeof(T)),
                ErasureStrategy.Erase => Expression.Default(typeof(T)),
                _ => Expression.Invoke(Expression.Constant(ops.Apply), current, context),
            };
            body.Add(Expression.Assign(redacted, apply));
            body.Add(MemberAccessors.IsWritable(member)
                ? Expression.Assign(target, target.Type == typeof(T) ? redacted : Expression.Convert(redacted, target.Type))
                : Expression.IfThen(
                    Expression.Not(Expression.Call(Expression.Constant(EqualityComparer<T>.Default), typeof(EqualityComparer<T>).GetMethod(nameof(EqualityComparer<T>.Equals), [typeof(T), typeof(T)])!, current, redacted)),
                    Expression.Call(report, RecordNotWritableMethod, Expression.Constant(index))));
        }

        Expression hasValue = typeof(T).IsValueType
            ? Nullable.GetUnderlyingType(typeof(T)) is null ? Expression.Constant(true) : Expression.Property(current, "HasValue")
            : Expression.ReferenceNotEqual(current, Expression.Constant(null, typeof(T)));
        var block = Expression.Block(
            [current, redacted],
            Expression.Assign(current, read),
            Expression.IfThen(hasValue, Expression.Block(body)));
        return Expression.Lambda<Action<object, RedactionContext, RedactionReport>>(block, owner, context, report).Compile();
    }
}
