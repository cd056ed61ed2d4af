using System.Linq.Expressions;
using System.Reflection;

namespace OrleansShop.GraphQL.Building;

/// <summary>
/// Configures an object type bound to the CLR type <typeparamref name="T"/>. Its public properties become fields
/// (camelCase names, types and nullability inferred) unless <see cref="BindFieldsExplicitly"/> is called.
/// </summary>
public sealed class ObjectTypeDescriptor<T> : ObjectTypeDescriptor
{
    private readonly HashSet<string> _ignoredMembers = new(StringComparer.Ordinal);
    private bool _explicit;

    internal ObjectTypeDescriptor()
        : base(ClrTypeInspector.GraphQLTypeName(typeof(T)))
    {
    }

    internal override Type RuntimeType => typeof(T);

    /// <summary>Only fields declared with <c>Field</c> are part of the type.</summary>
    public ObjectTypeDescriptor<T> BindFieldsExplicitly()
    {
        _explicit = true;
        return this;
    }

    /// <summary>Declares the field backed by a property; its name, type and nullability are inferred.</summary>
    public FieldDescriptor Field<TResult>(Expression<Func<T, TResult>> property)
    {
        var member = ClrTypeInspector.GetProperty(property);
        var field = Field(ClrTypeInspector.FieldName(member.Name));
        Bind(field, member);
        return field;
    }

    /// <summary>Leaves a property out of the type.</summary>
    public ObjectTypeDescriptor<T> Ignore<TResult>(Expression<Func<T, TResult>> property)
    {
        _ignoredMembers.Add(ClrTypeInspector.GetProperty(property).Name);
        return this;
    }

    internal override void AddImplicitFields()
    {
        if (_explicit)
        {
            return;
        }

        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0 || _ignoredMembers.Contains(property.Name)
                || property.GetGetMethod() is null || !ClrTypeInspector.IsBindableOutput(property.PropertyType))
            {
                continue;
            }

            var name = ClrTypeInspector.FieldName(property.Name);
            if (FieldsValue.Find(name) is { } declared)
            {
                if (declared.TypeValue is null && declared.ResolverValue is null && declared.ParentGetterValue is null)
                {
                    Bind(declared, property);
                }

                continue;
            }

            Bind(FieldsValue.GetOrAdd(name), property);
        }
    }

    private static void Bind(FieldDescriptor field, PropertyInfo property)
    {
        field.TypeValue ??= ClrTypeInspector.FromProperty(property);
        if (field.ResolverValue is null)
        {
            field.ParentGetterValue = ClrTypeInspector.CompileGetter(property);
        }

        if (property.GetCustomAttribute<ObsoleteAttribute>() is { } obsolete && field.DeprecationReasonValue is null)
        {
            field.Deprecated(obsolete.Message);
        }
    }
}
