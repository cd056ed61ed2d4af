using System.Collections;
using System.Globalization;
using System.Reflection;

namespace OrleansShop.Grains.Tests.Support;

/// <summary>
/// Builds an instance of a message or state type with every member set to something other than its default, and
/// describes an instance member by member, so that a copy can be compared with its original whatever the type.
/// </summary>
internal static class SampleValues
{
    private const int MaxDepth = 6;

    public static object? Create(Type type) => Create(type, 0);

    /// <summary>A text of every public property, recursively, with collections in order and dictionaries sorted by key.</summary>
    public static string Describe(object? value) => Describe(value, 0);

    private static string Describe(object? value, int depth)
    {
        switch (value)
        {
            case null:
                return "null";
            case string or Enum or bool or Guid:
                return value.ToString()!;
            case IFormattable formattable when value.GetType().IsPrimitive || value is decimal or DateTime or DateTimeOffset or TimeSpan:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            case IDictionary dictionary:
                return "{" + string.Join(", ", dictionary.Keys.Cast<object>()
                    .Select(k => Describe(k, depth + 1) + ": " + Describe(dictionary[k], depth + 1))
                    .Order(StringComparer.Ordinal)) + "}";
            case IEnumerable items:
                return "[" + string.Join(", ", items.Cast<object?>().Select(i => Describe(i, depth + 1))) + "]";
        }

        if (depth > MaxDepth)
        {
            return "...";
        }

        var properties = value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.Name, StringComparer.Ordinal);
        return value.GetType().Name + "{" + string.Join(", ", properties.Select(p => p.Name + "=" + Describe(p.GetValue(value), depth + 1))) + "}";
    }

    private static object? Create(Type type, int depth)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Create(underlying, depth);
        }

        if (Scalar(type) is { } scalar)
        {
            return scalar;
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).Cast<object>().Last();
        }

        if (depth > MaxDepth)
        {
            return type.IsValueType ? Activator.CreateInstance(type) : null;
        }

        if (type.IsArray)
        {
            var array = Array.CreateInstance(type.GetElementType()!, 1);
            array.SetValue(Create(type.GetElementType()!, depth + 1), 0);
            return array;
        }

        if (Collection(type, depth) is { } collection)
        {
            return collection;
        }

        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault();
        var instance = constructor is null
            ? Activator.CreateInstance(type)!
            : constructor.Invoke([.. constructor.GetParameters().Select(p => Create(p.ParameterType, depth + 1))]);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0 && IsDefault(property.GetValue(instance)))
            {
                property.SetValue(instance, Create(property.PropertyType, depth + 1));
            }
        }

        return instance;
    }

    private static object? Scalar(Type type) =>
        type == typeof(string) ? "text"
        : type == typeof(int) ? 7
        : type == typeof(long) ? 70L
        : type == typeof(decimal) ? 12.34m
        : type == typeof(double) ? 2.5d
        : type == typeof(bool) ? true
        : type == typeof(Guid) ? new Guid("0f8fad5b-d9cb-469f-a165-70867728950e")
        : type == typeof(DateTimeOffset) ? new DateTimeOffset(2026, 12, 5, 10, 30, 0, TimeSpan.FromHours(1))
        : type == typeof(DateTime) ? new DateTime(2026, 12, 5, 9, 30, 0, DateTimeKind.Utc)
        : type == typeof(TimeSpan) ? TimeSpan.FromSeconds(90)
        : null;

    private static object? Collection(Type type, int depth)
    {
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
            dictionary.Add(Create(arguments[0], depth + 1)!, Create(arguments[1], depth + 1));
            return dictionary;
        }

        Type? concrete = null;
        if (definition == typeof(HashSet<>) || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>))
        {
            concrete = typeof(HashSet<>);
        }
        else if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>)
            || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>))
        {
            concrete = typeof(List<>);
        }

        if (concrete is null)
        {
            return null;
        }

        var items = Activator.CreateInstance(concrete.MakeGenericType(arguments))!;
        items.GetType().GetMethod("Add")!.Invoke(items, [Create(arguments[0], depth + 1)]);
        return items;
    }

    private static bool IsDefault(object? value) =>
        value is null || value is ICollection { Count: 0 } || (value.GetType().IsValueType && value.Equals(Activator.CreateInstance(value.GetType())));
}
