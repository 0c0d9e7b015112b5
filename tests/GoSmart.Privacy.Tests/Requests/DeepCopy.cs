using System.Collections;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace GoSmart.Privacy.Tests.Requests;

/// <summary>Deep copies of test records, as a store would materialise them: exporters yield copies, never the stored objects.</summary>
internal static class DeepCopy
{
    public static T Of<T>(T value) => (T)Copy(value, new Dictionary<object, object>(ReferenceEqualityComparer.Instance))!;

    private static object? Copy(object? value, Dictionary<object, object> done)
    {
        if (value is null || value is string || value is IPAddress || value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal or DateTime or DateTimeOffset or DateOnly or TimeOnly or Guid)
        {
            return value;
        }

        if (done.TryGetValue(value, out var existing))
        {
            return existing;
        }

        var type = value.GetType();
        if (value is Array array)
        {
            var copy = Array.CreateInstance(type.GetElementType()!, array.Length);
            done[value] = copy;
            for (var i = 0; i < array.Length; i++)
            {
                copy.SetValue(Copy(array.GetValue(i), done), i);
            }

            return copy;
        }

        if (value is IDictionary dictionary)
        {
            var copy = (IDictionary)Activator.CreateInstance(type)!;
            done[value] = copy;
            foreach (DictionaryEntry entry in dictionary)
            {
                copy[entry.Key] = Copy(entry.Value, done);
            }

            return copy;
        }

        if (value is IList list && type.IsGenericType)
        {
            var copy = (IList)Activator.CreateInstance(type)!;
            done[value] = copy;
            foreach (var item in list)
            {
                copy.Add(Copy(item, done));
            }

            return copy;
        }

        var clone = RuntimeHelpers.GetUninitializedObject(type);
        done[value] = clone;
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                field.SetValue(clone, Copy(field.GetValue(value), done));
            }
        }

        return clone;
    }
}
