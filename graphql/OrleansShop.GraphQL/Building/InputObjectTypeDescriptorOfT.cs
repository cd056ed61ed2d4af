using System.Linq.Expressions;
using System.Reflection;

namespace OrleansShop.GraphQL.Building;

/// <summary>
/// Configures an input object type bound to the CLR type <typeparamref name="T"/> (a record or class): coerced values are
/// instances of <typeparamref name="T"/>, built through its constructor and settable properties.
/// Its public properties become fields unless <see cref="BindFieldsExplicitly"/> is called.
/// </summary>
public sealed class InputObjectTypeDescriptor<T> : InputObjectTypeDescriptor
{
    private bool _explicit;

    internal InputObjectTypeDescriptor()
        : base(ClrTypeInspector.GraphQLTypeName(typeof(T)))
    {
    }

    internal override Type RuntimeType => typeof(T);

    public InputObjectTypeDescriptor<T> BindFieldsExplicitly()
    {
        _explicit = true;
        return this;
    }

    /// <summary>Declares the field backed by a property; its name, type and nullability are inferred.</summary>
    public InputValueDescriptor Field<TValue>(Expression<Func<T, TValue>> property)
    {
        var member = ClrTypeInspector.GetProperty(property);
        var field = Field(ClrTypeInspector.FieldName(member.Name));
        field.ClrMemberName = member.Name;
        field.TypeValue ??= ClrTypeInspector.FromProperty(member);
        return field;
    }

    internal override void AddImplicitFields()
    {
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var name = ClrTypeInspector.FieldName(property.Name);
            var declared = FindField(name);
            if (declared is null && _explicit)
            {
                continue;
            }

            var field = declared ?? Field(name);
            field.ClrMemberName ??= property.Name;
            field.TypeValue ??= ClrTypeInspector.FromProperty(property);
        }
    }
}
