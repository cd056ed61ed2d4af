using System.Collections.Concurrent;
using System.Reflection;
using OrleansShop.GraphQL.Building;

namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// Resolves a field that has no resolver (spec 6.4.2 "ResolveFieldValue" with graphql-js's default): the parent's dictionary entry or
/// property named after the field. Getters are compiled once per CLR type and field name.
/// </summary>
internal static class DefaultFieldResolver
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object?, object?>?> Getters = new();

    public static object? Resolve(object? parent, string fieldName)
    {
        switch (parent)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> map:
                return map.GetValueOrDefault(fieldName);
            case IDictionary<string, object?> dictionary:
                return dictionary.TryGetValue(fieldName, out var value) ? value : null;
        }

        var getter = Getters.GetOrAdd((parent.GetType(), fieldName), static key =>
        {
            var (type, name) = key;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length == 0 && string.Equals(ClrTypeInspector.FieldName(property.Name), name, StringComparison.Ordinal))
                {
                    return ClrTypeInspector.CompileGetter(property);
                }
            }

            return null;
        });
        return getter?.Invoke(parent);
    }
}
