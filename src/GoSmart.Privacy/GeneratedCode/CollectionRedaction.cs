using System.Collections;
using System.ComponentModel;

namespace GoSmart.Privacy.GeneratedCode;

/// <summary>
/// How plans redact collections, in one place for generated and reflection plans: erasing empties a
/// collection, other strategies replace each element, and struct elements are redacted and stored back.
/// Plans call these; application code rarely needs to.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CollectionRedaction
{
    /// <summary>Erases every element of a scalar collection: clears it in place when it can, otherwise asks for the member to be replaced.</summary>
    /// <typeparam name="TElement">The element type.</typeparam>
    /// <param name="values">The collection (an array, collection or string-keyed dictionary of <typeparamref name="TElement"/>).</param>
    /// <param name="canReplace">Whether the member can be set to an empty <typeparamref name="TElement"/> array.</param>
    /// <returns>What was done or must be done.</returns>
    public static CollectionErasure Empty<TElement>(object values, bool canReplace)
    {
        ArgumentNullException.ThrowIfNull(values);
        switch (values)
        {
            case TElement[] when canReplace:
                return CollectionErasure.ReplaceWithEmptyArray;
            case TElement[] array:
                Array.Clear(array);
                return CollectionErasure.Emptied;
            case IDictionary<string, TElement> { IsReadOnly: false } dictionary:
                dictionary.Clear();
                return CollectionErasure.Emptied;
            case ICollection<TElement> { IsReadOnly: false } collection:
                collection.Clear();
                return CollectionErasure.Emptied;
            default:
                return canReplace ? CollectionErasure.ReplaceWithEmptyArray : CollectionErasure.NotWritable;
        }
    }

    /// <summary>Replaces each non-null element of a scalar collection with <paramref name="transform"/>'s result, in place.</summary>
    /// <typeparam name="TElement">The element type.</typeparam>
    /// <param name="values">The collection (an array, collection or string-keyed dictionary of <typeparamref name="TElement"/>).</param>
    /// <param name="transform">The member's strategy.</param>
    /// <param name="context">The keys and settings redaction uses.</param>
    /// <returns><see langword="false"/> when the collection is read-only.</returns>
    public static bool TransformEach<TElement>(object values, Func<TElement, RedactionContext, TElement> transform, RedactionContext context)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(transform);
        switch (values)
        {
            case TElement[] array:
                for (var i = 0; i < array.Length; i++)
                {
                    array[i] = Apply(array[i], transform, context);
                }

                return true;
            case IDictionary<string, TElement> { IsReadOnly: false } dictionary:
                foreach (var key in dictionary.Keys.ToArray())
                {
                    dictionary[key] = Apply(dictionary[key], transform, context);
                }

                return true;
            case IList<TElement> { IsReadOnly: false } list:
                for (var i = 0; i < list.Count; i++)
                {
                    list[i] = Apply(list[i], transform, context);
                }

                return true;
            case ICollection<TElement> { IsReadOnly: false } collection:
                var snapshot = collection.ToArray();
                collection.Clear();
                foreach (var value in snapshot)
                {
                    collection.Add(Apply(value, transform, context));
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Redacts each element of a collection of structs: each arrives boxed, is redacted in its box by
    /// <paramref name="redactBox"/> and is stored back. Elements of a read-only collection are redacted
    /// as copies, which cannot be stored back.
    /// </summary>
    /// <param name="values">The collection (an array, list or string-keyed dictionary of structs).</param>
    /// <param name="redactBox">Redacts one boxed element in place.</param>
    /// <returns><see langword="false"/> when the elements could not be stored back.</returns>
    public static bool RedactStructElements(object values, Action<object> redactBox)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(redactBox);
        switch (values)
        {
            case IDictionary { IsReadOnly: false } dictionary:
                foreach (var key in dictionary.Keys.Cast<object>().ToArray())
                {
                    var box = dictionary[key];
                    if (box is not null)
                    {
                        redactBox(box);
                        dictionary[key] = box;
                    }
                }

                return true;
            case IList list when values is Array || !list.IsReadOnly:
                for (var i = 0; i < list.Count; i++)
                {
                    var box = list[i];
                    if (box is not null)
                    {
                        redactBox(box);
                        list[i] = box;
                    }
                }

                return true;
            default:
                foreach (var element in (IEnumerable)values)
                {
                    if (element is not null)
                    {
                        redactBox(element);
                    }
                }

                return false;
        }
    }

    private static TElement Apply<TElement>(TElement value, Func<TElement, RedactionContext, TElement> transform, RedactionContext context) =>
        value is null ? value : transform(value, context);
}
