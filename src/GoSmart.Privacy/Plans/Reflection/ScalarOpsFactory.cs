using System.Net;
using System.Numerics;
using System.Reflection;
using System.Text.Json;
using GoSmart.Privacy.GeneratedCode;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>The strategy settings of one member, as the factory needs them.</summary>
internal readonly record struct StrategySpec(ErasureStrategy Strategy, int VisibleCharacters, int BucketSize, bool EraseToEmpty);

/// <summary>Builds <see cref="ScalarOps{T}"/> for a supported scalar type (or its nullable form) and a strategy.</summary>
internal static class ScalarOpsFactory
{
    private static readonly MethodInfo CreateMethod = typeof(ScalarOpsFactory).GetMethod(nameof(Create), BindingFlags.Static | BindingFlags.NonPublic)!;
    private static readonly MethodInfo CreateNullableMethod = typeof(ScalarOpsFactory).GetMethod(nameof(CreateNullable), BindingFlags.Static | BindingFlags.NonPublic)!;
    private static readonly MethodInfo EnumWriter = typeof(PersonalDataJsonValues).GetMethod(nameof(PersonalDataJsonValues.WriteEnum))!;
    private static readonly MethodInfo NumberGeneralizer = typeof(RedactionStrategies).GetMethods()
        .Single(m => m.Name == nameof(RedactionStrategies.Generalize) && m.IsGenericMethodDefinition);

    /// <summary>Returns a <c>ScalarOps&lt;type&gt;</c> as <see cref="object"/>.</summary>
    public static object For(Type type, StrategySpec spec)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        return underlying is null
            ? CreateMethod.MakeGenericMethod(type).Invoke(null, [spec])!
            : CreateNullableMethod.MakeGenericMethod(underlying).Invoke(null, [spec])!;
    }

    private static ScalarOps<T?> CreateNullable<T>(StrategySpec spec)
        where T : struct
    {
        var inner = Create<T>(spec);
        var erase = spec.Strategy == ErasureStrategy.Erase;
        return new ScalarOps<T?>(
            (w, v) =>
            {
                if (v.HasValue)
                {
                    inner.Write(w, v.GetValueOrDefault());
                }
                else
                {
                    w.WriteNullValue();
                }
            },
            (v, ctx) => v.HasValue && !erase ? inner.Apply(v.GetValueOrDefault(), ctx) : null,
            static v => v.HasValue);
    }

    private static ScalarOps<T> Create<T>(StrategySpec spec)
    {
        var hasValue = typeof(T).IsValueType ? static _ => true : (Func<T, bool>)(static v => v is not null);
        return new ScalarOps<T>(Writer<T>(), Transform<T>(spec), hasValue);
    }

    private static Action<Utf8JsonWriter, T> Writer<T>()
    {
        var t = typeof(T);
        object writer = t switch
        {
            _ when t == typeof(string) => (Action<Utf8JsonWriter, string?>)PersonalDataJsonValues.Write,
            _ when t == typeof(bool) => (Action<Utf8JsonWriter, bool>)PersonalDataJsonValues.Write,
            _ when t == typeof(char) => (Action<Utf8JsonWriter, char>)PersonalDataJsonValues.Write,
            _ when t == typeof(byte) => (Action<Utf8JsonWriter, byte>)((w, v) => PersonalDataJsonValues.Write(w, (long)v)),
            _ when t == typeof(sbyte) => (Action<Utf8JsonWriter, sbyte>)((w, v) => PersonalDataJsonValues.Write(w, (long)v)),
            _ when t == typeof(short) => (Action<Utf8JsonWriter, short>)((w, v) => PersonalDataJsonValues.Write(w, (long)v)),
            _ when t == typeof(ushort) => (Action<Utf8JsonWriter, ushort>)((w, v) => PersonalDataJsonValues.Write(w, (long)v)),
            _ when t == typeof(int) => (Action<Utf8JsonWriter, int>)((w, v) => PersonalDataJsonValues.Write(w, (long)v)),
            _ when t == typeof(uint) => (Action<Utf8JsonWriter, uint>)((w, v) => PersonalDataJsonValues.Write(w, (long)v)),
            _ when t == typeof(long) => (Action<Utf8JsonWriter, long>)PersonalDataJsonValues.Write,
            _ when t == typeof(ulong) => (Action<Utf8JsonWriter, ulong>)PersonalDataJsonValues.Write,
            _ when t == typeof(float) => (Action<Utf8JsonWriter, float>)PersonalDataJsonValues.Write,
            _ when t == typeof(double) => (Action<Utf8JsonWriter, double>)PersonalDataJsonValues.Write,
            _ when t == typeof(decimal) => (Action<Utf8JsonWriter, decimal>)PersonalDataJsonValues.Write,
            _ when t == typeof(DateTime) => (Action<Utf8JsonWriter, DateTime>)PersonalDataJsonValues.Write,
            _ when t == typeof(DateTimeOffset) => (Action<Utf8JsonWriter, DateTimeOffset>)PersonalDataJsonValues.Write,
            _ when t == typeof(DateOnly) => (Action<Utf8JsonWriter, DateOnly>)PersonalDataJsonValues.Write,
            _ when t == typeof(TimeOnly) => (Action<Utf8JsonWriter, TimeOnly>)PersonalDataJsonValues.Write,
            _ when t == typeof(Guid) => (Action<Utf8JsonWriter, Guid>)PersonalDataJsonValues.Write,
            _ when t == typeof(IPAddress) => (Action<Utf8JsonWriter, IPAddress?>)PersonalDataJsonValues.Write,
            _ when t.IsEnum => EnumWriter.MakeGenericMethod(t).CreateDelegate(typeof(Action<,>).MakeGenericType(typeof(Utf8JsonWriter), t)),
            _ => throw new InvalidOperationException($"No JSON writer for {t}."),
        };
        return (Action<Utf8JsonWriter, T>)writer;
    }

    private static Func<T, RedactionContext, T> Transform<T>(StrategySpec spec)
    {
        var t = typeof(T);
        object? transform = spec.Strategy switch
        {
            ErasureStrategy.Retain => (Func<T, RedactionContext, T>)(static (v, _) => v),
            ErasureStrategy.Erase when t == typeof(string) => spec.EraseToEmpty
                ? (Func<string?, RedactionContext, string?>)(static (_, _) => string.Empty)
                : (Func<string?, RedactionContext, string?>)(static (_, _) => null),
            ErasureStrategy.Erase => (Func<T, RedactionContext, T>)(static (_, _) => default!),
            ErasureStrategy.Mask when t == typeof(string) => (Func<string?, RedactionContext, string?>)((v, _) => RedactionStrategies.Mask(v, spec.VisibleCharacters)),
            ErasureStrategy.Hash when t == typeof(string) => (Func<string?, RedactionContext, string?>)(static (v, ctx) => v is null ? null : ctx.Pseudonymize(v)),
            ErasureStrategy.Hash when t == typeof(Guid) => (Func<Guid, RedactionContext, Guid>)(static (v, ctx) => ctx.Pseudonymize(v)),
            ErasureStrategy.Generalize when t == typeof(DateTime) => (Func<DateTime, RedactionContext, DateTime>)(static (v, _) => RedactionStrategies.Generalize(v)),
            ErasureStrategy.Generalize when t == typeof(DateTimeOffset) => (Func<DateTimeOffset, RedactionContext, DateTimeOffset>)(static (v, _) => RedactionStrategies.Generalize(v)),
            ErasureStrategy.Generalize when t == typeof(DateOnly) => (Func<DateOnly, RedactionContext, DateOnly>)(static (v, _) => RedactionStrategies.Generalize(v)),
            ErasureStrategy.Generalize when t == typeof(TimeOnly) => (Func<TimeOnly, RedactionContext, TimeOnly>)(static (v, _) => RedactionStrategies.Generalize(v)),
            ErasureStrategy.Generalize when t == typeof(IPAddress) => (Func<IPAddress?, RedactionContext, IPAddress?>)(static (v, _) => RedactionStrategies.Generalize(v)),
            ErasureStrategy.Generalize when IsNumber(t) => NumberTransform<T>(spec.BucketSize),
            _ => null,
        };
        return transform as Func<T, RedactionContext, T>
            ?? throw new InvalidOperationException($"Strategy {spec.Strategy} has no transformation for {t}; the annotation rules should have rejected it.");
    }

    private static bool IsNumber(Type t) => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(INumber<>));

    private static Func<T, RedactionContext, T> NumberTransform<T>(int bucketSize)
    {
        var generalize = NumberGeneralizer.MakeGenericMethod(typeof(T)).CreateDelegate<Func<T, int, T>>();
        return (v, _) => generalize(v, bucketSize);
    }
}
