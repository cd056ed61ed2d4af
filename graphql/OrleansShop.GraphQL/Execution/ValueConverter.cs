using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;

namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// Converts coerced input values to the CLR type a resolver asks for (<c>ctx.Argument&lt;long&gt;</c>, <c>string[]</c>,
/// <c>IReadOnlyList&lt;Guid&gt;</c>, a nullable enum). List shapes are compiled once per target type.
/// </summary>
internal static class ValueConverter
{
    private static readonly ConcurrentDictionary<Type, Func<IList, object>> ListFactories = new();

    public static T Convert<T>(object? value, string name)
    {
        if (value is T typed)
        {
            return typed;
        }

        if (value is null)
        {
            return default(T) is null || System.Nullable.GetUnderlyingType(typeof(T)) is not null
                ? default!
                : throw new GraphQLException($"The argument \"{name}\" is null and cannot be read as \"{typeof(T).Name}\".", "ARGUMENT_NULL");
        }

        return (T)Convert(value, typeof(T), name)!;
    }

    public static object? Convert(object? value, Type target, string name)
    {
        if (value is null || target.IsInstanceOfType(value))
        {
            return value;
        }

        var underlying = System.Nullable.GetUnderlyingType(target) ?? target;
        try
        {
            if (underlying.IsEnum)
            {
                return value is string s ? Enum.Parse(underlying, s, ignoreCase: true) : Enum.ToObject(underlying, value);
            }

            if (underlying == typeof(Guid) && value is string guid)
            {
                return Guid.Parse(guid);
            }

            if (underlying == typeof(DateTime) && value is DateTimeOffset dto)
            {
                return dto.UtcDateTime;
            }

            if (value is IList list && underlying != typeof(string))
            {
                return ListFactories.GetOrAdd(underlying, CreateListFactory)(list);
            }

            if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(underlying))
            {
                return System.Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
            }
        }
        catch (Exception error) when (error is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new GraphQLException($"The value of \"{name}\" cannot be read as \"{target.Name}\": {error.Message}", "ARGUMENT_CONVERSION");
        }

        throw new GraphQLException($"The value of \"{name}\" ({value.GetType().Name}) cannot be read as \"{target.Name}\".", "ARGUMENT_CONVERSION");
    }

    private static Func<IList, object> CreateListFactory(Type target)
    {
        var element = target.IsArray ? target.GetElementType()! : Building.ClrTypeInspector.GetListElementType(target) ?? typeof(object);
        var listType = typeof(List<>).MakeGenericType(element);
        if (!target.IsArray && !target.IsAssignableFrom(listType))
        {
            throw new InvalidCastException($"Lists can be read as arrays or as types a List<{element.Name}> is assignable to, not as \"{target.Name}\".");
        }

        return source =>
        {
            if (target.IsArray)
            {
                var array = Array.CreateInstance(element, source.Count);
                for (var i = 0; i < source.Count; i++)
                {
                    array.SetValue(Convert(source[i], element, "item"), i);
                }

                return array;
            }

            var list = (IList)Activator.CreateInstance(listType, source.Count)!;
            foreach (var item in source)
            {
                list.Add(Convert(item, element, "item"));
            }

            return list;
        };
    }
}
