using System.Collections;
using System.Collections.ObjectModel;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace GoSmart.Privacy.Tests.Parity;

/// <summary>
/// Builds a random instance of any model type from a seed: every member (public or not, init-only, backing
/// fields of get-only properties) gets a random value, nulls included, and references to types already
/// built are sometimes reused so that graphs share objects and form cycles. The same seed builds the same
/// graph, so two plans can be run on identical copies.
/// </summary>
internal sealed class ModelFaker
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
    private static readonly string[] Texts = ["", " ", "Ada", "ada@example.com", "+44 20 7946 0958", "Zoë Ångström", "日本語のテキスト", "emoji 🙂", "quote \" and \\ slash", "<script>", "line\nbreak", "1234567890123456"];

    private readonly Random _random;
    private readonly Dictionary<Type, List<object>> _built = [];
    private int _depth;

    public ModelFaker(int seed)
    {
        _random = new Random(seed);
    }

    public T Make<T>() => (T)Make(typeof(T))!;

    private object? Make(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return _random.Next(4) == 0 ? null : Make(underlying);
        }

        var scalar = Scalar(type);
        if (scalar is not null || type == typeof(string) || type == typeof(IPAddress))
        {
            return scalar;
        }

        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var items = Items(element);
            var array = Array.CreateInstance(element, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                array.SetValue(items[i], i);
            }

            return array;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var args = type.GetGenericArguments();
            if (definition == typeof(List<>) || definition == typeof(HashSet<>))
            {
                var collection = Activator.CreateInstance(type)!;
                var add = type.GetMethod("Add")!;
                foreach (var item in Items(args[0]))
                {
                    add.Invoke(collection, [item]);
                }

                return collection;
            }

            if (definition == typeof(Dictionary<,>))
            {
                var dictionary = (IDictionary)Activator.CreateInstance(type)!;
                foreach (var item in Items(args[1]))
                {
                    dictionary["k" + dictionary.Count + Pick(Texts)] = item;
                }

                return dictionary;
            }

            if (definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>) || definition == typeof(IList<>))
            {
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(args[0]))!;
                foreach (var item in Items(args[0]))
                {
                    list.Add(item);
                }

                return Activator.CreateInstance(typeof(ReadOnlyCollection<>).MakeGenericType(args[0]), list);
            }
        }

        return Composite(type);
    }

    private object? Composite(Type type)
    {
        if (!type.IsValueType)
        {
            if (_built.TryGetValue(type, out var existing) && existing.Count > 0 && (_depth > 3 || _random.Next(5) == 0))
            {
                return Pick(existing); // shared objects and cycles
            }

            if (_random.Next(8) == 0)
            {
                return null;
            }
        }

        var instance = RuntimeHelpers.GetUninitializedObject(type);
        if (!type.IsValueType)
        {
            if (!_built.TryGetValue(type, out var list))
            {
                _built[type] = list = [];
            }

            list.Add(instance);
        }

        _depth++;
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (var field in t.GetFields(Instance | BindingFlags.DeclaredOnly).OrderBy(f => f.MetadataToken))
            {
                field.SetValue(instance, Make(field.FieldType));
            }
        }

        _depth--;
        return instance;
    }

    private List<object?> Items(Type element)
    {
        var count = _random.Next(4);
        var items = new List<object?>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(Make(element));
        }

        return items;
    }

    private object? Scalar(Type type)
    {
        var r = _random;
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return r.Next(6) == 0 ? Enum.ToObject(type, 99) : values.GetValue(r.Next(values.Length));
        }

        return type switch
        {
            _ when type == typeof(string) => r.Next(6) == 0 ? null : Pick(Texts) + (r.Next(3) == 0 ? r.Next().ToString(System.Globalization.CultureInfo.InvariantCulture) : ""),
            _ when type == typeof(bool) => r.Next(2) == 0,
            _ when type == typeof(char) => (char)r.Next(32, 0x3000),
            _ when type == typeof(byte) => (byte)r.Next(256),
            _ when type == typeof(sbyte) => (sbyte)r.Next(-128, 128),
            _ when type == typeof(short) => (short)r.Next(short.MinValue, short.MaxValue),
            _ when type == typeof(ushort) => (ushort)r.Next(ushort.MaxValue),
            _ when type == typeof(int) => r.Next(int.MinValue, int.MaxValue),
            _ when type == typeof(uint) => (uint)r.NextInt64(uint.MaxValue),
            _ when type == typeof(long) => r.NextInt64(long.MinValue, long.MaxValue),
            _ when type == typeof(ulong) => (ulong)r.NextInt64(long.MaxValue) * 2,
            _ when type == typeof(float) => r.Next(10) == 0 ? float.NaN : (float)((r.NextDouble() - 0.5) * 1e6),
            _ when type == typeof(double) => r.Next(10) == 0 ? double.PositiveInfinity : (r.NextDouble() - 0.5) * 1e9,
            _ when type == typeof(decimal) => (decimal)((r.NextDouble() - 0.5) * 1e7),
            _ when type == typeof(DateTime) => new DateTime(r.NextInt64(DateTime.MaxValue.Ticks), (DateTimeKind)r.Next(3)),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(r.NextInt64(DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay) + TimeSpan.TicksPerDay, TimeSpan.FromMinutes(15 * r.Next(-40, 40))),
            _ when type == typeof(DateOnly) => DateOnly.FromDayNumber(r.Next(DateOnly.MaxValue.DayNumber)),
            _ when type == typeof(TimeOnly) => new TimeOnly(r.NextInt64(TimeOnly.MaxValue.Ticks)),
            _ when type == typeof(Guid) => r.Next(6) == 0 ? Guid.Empty : new Guid(Bytes(16)),
            _ when type == typeof(IPAddress) => r.Next(5) switch
            {
                0 => null,
                1 => new IPAddress(Bytes(16)),
                2 => IPAddress.Parse("::ffff:203.0.113." + r.Next(256).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                _ => new IPAddress(Bytes(4)),
            },
            _ => null,
        };
    }

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
