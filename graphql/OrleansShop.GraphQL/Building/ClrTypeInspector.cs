using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;

namespace OrleansShop.GraphQL.Building;

/// <summary>
/// Reads CLR types when a schema is built (never per request): names by HotChocolate's conventions,
/// nullability from nullable reference type annotations, compiled property getters.
/// </summary>
internal static class ClrTypeInspector
{
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>The GraphQL name of a CLR type: its name without generic arity or a leading interface "I".</summary>
    public static string GraphQLTypeName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        if (type.IsInterface && name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name[1..];
        }

        return name;
    }

    /// <summary>camelCase: <c>Id</c> becomes <c>id</c>, <c>URLPath</c> becomes <c>urlPath</c>.</summary>
    public static string FieldName(string memberName)
    {
        if (memberName.Length == 0 || char.IsLower(memberName[0]))
        {
            return memberName;
        }

        var chars = memberName.ToCharArray();
        for (var i = 0; i < chars.Length && char.IsUpper(chars[i]); i++)
        {
            var nextIsLower = i + 1 < chars.Length && char.IsLower(chars[i + 1]);
            if (i > 0 && nextIsLower)
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>SCREAMING_SNAKE_CASE: <c>InStock</c> becomes <c>IN_STOCK</c>.</summary>
    public static string EnumValueName(string memberName)
    {
        var builder = new StringBuilder(memberName.Length + 4);
        for (var i = 0; i < memberName.Length; i++)
        {
            var c = memberName[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(memberName[i - 1]) || (i + 1 < memberName.Length && char.IsLower(memberName[i + 1]) && char.IsUpper(memberName[i - 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    public static PropertyInfo GetProperty(LambdaExpression expression)
    {
        var body = expression.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : expression.Body;
        if (body is MemberExpression { Member: PropertyInfo property })
        {
            return property;
        }

        throw new ArgumentException($"\"{expression}\" must select a property, e.g. p => p.Name.", nameof(expression));
    }

    public static ClrTypeReference FromProperty(PropertyInfo property) => FromNullability(Nullability.Create(property));

    public static ClrTypeReference FromParameter(ParameterInfo parameter) => FromNullability(Nullability.Create(parameter));

    /// <summary>A reference for a CLR type without annotations: value types are non-null unless <see cref="Nullable{T}"/>, reference types nullable.</summary>
    public static ClrTypeReference FromType(Type type, bool? nullable)
    {
        type = UnwrapTask(type);
        var underlying = System.Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return FromType(underlying, nullable: true);
        }

        var isNullable = nullable ?? !type.IsValueType;
        var element = GetListElementType(type);
        return element is null
            ? new ClrTypeReference(type, isNullable, null)
            : new ClrTypeReference(type, isNullable, FromType(element, nullable: null));
    }

    public static bool IsBindableOutput(Type type) =>
        !typeof(Delegate).IsAssignableFrom(type) && !type.IsPointer && !type.IsByRef && type != typeof(object) && type != typeof(Type);

    /// <summary>Compiles a getter once, so the executor reads properties without reflection.</summary>
    public static Func<object?, object?> CompileGetter(PropertyInfo property)
    {
        var parent = Expression.Parameter(typeof(object), "parent");
        var read = Expression.Property(Expression.Convert(parent, property.DeclaringType!), property);

        // Booleans and small integers come from shared boxes: no allocation per field read.
        Expression boxed = property.PropertyType == typeof(bool)
            ? Expression.Call(typeof(Execution.BoxedValues).GetMethod(nameof(Execution.BoxedValues.Bool))!, read)
            : property.PropertyType == typeof(int)
                ? Expression.Call(typeof(Execution.BoxedValues).GetMethod(nameof(Execution.BoxedValues.Int))!, read)
                : Expression.Convert(read, typeof(object));
        return Expression.Lambda<Func<object?, object?>>(boxed, parent).Compile();
    }

    /// <summary>The element type when <paramref name="type"/> is a list (array or enumerable other than string and dictionaries).</summary>
    public static Type? GetListElementType(Type type)
    {
        if (type == typeof(string) || type.IsPrimitive)
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (typeof(IDictionary).IsAssignableFrom(type))
        {
            return null;
        }

        foreach (var candidate in type.IsInterface ? [type, .. type.GetInterfaces()] : type.GetInterfaces())
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                var element = candidate.GetGenericArguments()[0];
                return element.IsGenericType && element.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) ? null : element;
            }
        }

        return null;
    }

    private static Type UnwrapTask(Type type)
    {
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(Task<>) || definition == typeof(ValueTask<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return type;
    }

    private static ClrTypeReference FromNullability(NullabilityInfo info)
    {
        var type = UnwrapTask(info.Type);
        if (type != info.Type && info.GenericTypeArguments.Length == 1)
        {
            return FromNullability(info.GenericTypeArguments[0]);
        }

        var underlying = System.Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return FromType(underlying, nullable: true);
        }

        var nullable = info.ReadState != NullabilityState.NotNull && !type.IsValueType;
        if (info.ElementType is not null)
        {
            return new ClrTypeReference(type, nullable, FromNullability(info.ElementType));
        }

        var element = GetListElementType(type);
        if (element is not null)
        {
            var elementInfo = info.GenericTypeArguments.Length == 1 && info.GenericTypeArguments[0].Type == element
                ? FromNullability(info.GenericTypeArguments[0])
                : FromType(element, nullable: null);
            return new ClrTypeReference(type, nullable, elementInfo);
        }

        return new ClrTypeReference(type, nullable, null);
    }
}
