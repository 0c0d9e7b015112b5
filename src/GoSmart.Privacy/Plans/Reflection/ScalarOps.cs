using System.Text.Json;

namespace GoSmart.Privacy.Plans.Reflection;

/// <summary>How one scalar member type is written to JSON and transformed by its strategy.</summary>
internal sealed class ScalarOps<T>
{
    public ScalarOps(Action<Utf8JsonWriter, T> write, Func<T, RedactionContext, T> apply, Func<T, bool> hasValue)
    {
        Write = write;
        Apply = apply;
        HasValue = hasValue;
    }

    public Action<Utf8JsonWriter, T> Write { get; }

    public Func<T, RedactionContext, T> Apply { get; }

    public Func<T, bool> HasValue { get; }
}
