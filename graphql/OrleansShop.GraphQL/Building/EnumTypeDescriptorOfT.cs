namespace OrleansShop.GraphQL.Building;

/// <summary>
/// Configures an enum type bound to the CLR enum <typeparamref name="TEnum"/>: every member becomes a value named in
/// SCREAMING_SNAKE_CASE (<c>InStock</c> becomes <c>IN_STOCK</c>), and resolvers see the CLR members.
/// </summary>
public sealed class EnumTypeDescriptor<TEnum> : EnumTypeDescriptor
    where TEnum : struct, Enum
{
    internal EnumTypeDescriptor()
        : base(typeof(TEnum).Name)
    {
        foreach (var member in Enum.GetValues<TEnum>())
        {
            var name = ClrTypeInspector.EnumValueName(member.ToString());
            var value = new EnumValueDescriptor(name, member);
            var field = typeof(TEnum).GetField(member.ToString());
            if (field is not null && Attribute.GetCustomAttribute(field, typeof(ObsoleteAttribute)) is ObsoleteAttribute obsolete)
            {
                value.Deprecated(obsolete.Message);
            }

            ValuesValue.Add(value);
        }
    }

    internal override Type RuntimeType => typeof(TEnum);

    /// <summary>The value of the CLR member <paramref name="member"/>.</summary>
    public EnumValueDescriptor Value(TEnum member)
    {
        foreach (var value in ValuesValue)
        {
            if (value.Value is TEnum candidate && candidate.Equals(member))
            {
                return value;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(member), $"\"{member}\" is not a member of \"{typeof(TEnum).Name}\".");
    }
}
