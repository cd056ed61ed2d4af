using System.Linq.Expressions;
using System.Reflection;
using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Building;

/// <summary>
/// Compiles, once per input type, how coerced fields become an instance of a CLR record or class: the public constructor
/// whose parameters all match fields (records' primary constructors), then settable or init-only properties for the rest.
/// </summary>
internal static class InputObjectBinder
{
    public static Func<IReadOnlyDictionary<string, object?>, object> Create(Type type, IReadOnlyDictionary<string, string> memberByField)
    {
        var fieldByMember = memberByField.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);
        var constructor = type.GetConstructors()
            .Where(c => c.GetParameters().All(p => p.Name is not null && fieldByMember.ContainsKey(p.Name)))
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault();
        if (constructor is null && !type.IsValueType)
        {
            throw new SchemaException($"The input type \"{type.Name}\" needs a public constructor whose parameters match its fields, or a parameterless one.");
        }

        var parameters = constructor?.GetParameters() ?? [];
        var parameterFields = parameters.Select(p => fieldByMember[p.Name!]).ToArray();
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        Expression create = constructor is null
            ? Expression.New(type)
            : Expression.New(constructor, parameters.Select((p, i) => Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType)));
        var factory = Expression.Lambda<Func<object?[], object>>(Expression.Convert(create, typeof(object)), arguments).Compile();
        var bound = new HashSet<string>(parameterFields, StringComparer.Ordinal);
        var setters = new List<(string Field, Type Type, Action<object, object?> Set)>();
        foreach (var (field, member) in memberByField)
        {
            if (bound.Contains(field))
            {
                continue;
            }

            var property = type.GetProperty(member, BindingFlags.Public | BindingFlags.Instance);
            if (property?.SetMethod is null || !property.SetMethod.IsPublic)
            {
                continue;
            }

            var target = Expression.Parameter(typeof(object), "target");
            var value = Expression.Parameter(typeof(object), "value");
            var assign = Expression.Call(Expression.Convert(target, type), property.SetMethod, Expression.Convert(value, property.PropertyType));
            setters.Add((field, property.PropertyType, Expression.Lambda<Action<object, object?>>(assign, target, value).Compile()));
        }

        var parameterTypes = parameters.Select(p => p.ParameterType).ToArray();
        var parameterDefaults = parameters.Select(p => p.HasDefaultValue ? p.DefaultValue : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
        return fields =>
        {
            var values = new object?[parameterFields.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = fields.TryGetValue(parameterFields[i], out var value)
                    ? ValueConverter.Convert(value, parameterTypes[i], parameterFields[i]) ?? parameterDefaults[i]
                    : parameterDefaults[i];
            }

            var instance = factory(values);
            foreach (var (field, propertyType, set) in setters)
            {
                if (fields.TryGetValue(field, out var value))
                {
                    set(instance, ValueConverter.Convert(value, propertyType, field));
                }
            }

            return instance;
        };
    }
}
