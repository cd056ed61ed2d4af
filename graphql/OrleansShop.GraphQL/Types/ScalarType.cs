namespace OrleansShop.GraphQL.Types;

/// <summary>
/// A leaf type (spec 3.5 Scalars). A scalar coerces resolver results into JSON-compatible values
/// (<see cref="Serialize"/>) and client input into the value resolvers see (<see cref="ParseValue"/>).
/// Derive from it for a custom scalar, or use <see cref="Create"/>.
/// </summary>
public abstract class ScalarType : NamedType
{
    protected ScalarType(string name, string? description = null, string? specifiedByUrl = null)
        : base(name, description)
    {
        SpecifiedByUrl = specifiedByUrl;
    }

    /// <summary>The 32-bit signed integer scalar <c>Int</c>.</summary>
    public static ScalarType Int => IntType.Instance;

    /// <summary>The IEEE 754 double-precision scalar <c>Float</c>.</summary>
    public static ScalarType Float => FloatType.Instance;

    /// <summary>The UTF-8 text scalar <c>String</c>.</summary>
    public static ScalarType String => StringType.Instance;

    /// <summary>The scalar <c>Boolean</c>.</summary>
    public static ScalarType Boolean => BooleanType.Instance;

    /// <summary>The opaque identifier scalar <c>ID</c>, serialized as a string.</summary>
    public static ScalarType ID => IdType.Instance;

    /// <summary>The custom scalar <c>DateTime</c>: an ISO-8601 (RFC 3339) string with an offset; internally a <see cref="DateTimeOffset"/>.</summary>
    public static ScalarType DateTime => DateTimeType.Instance;

    /// <summary>The custom scalar <c>Decimal</c>: an exact <see cref="decimal"/> serialized as a JSON string so no client rounds it.</summary>
    public static ScalarType Decimal => DecimalType.Instance;

    public override TypeKind Kind => TypeKind.Scalar;

    /// <summary>The URL of the scalar's specification, shown by <c>@specifiedBy</c> and <c>__Type.specifiedByURL</c>.</summary>
    public string? SpecifiedByUrl { get; internal set; }

    /// <summary>
    /// Result coercion: turns a resolver's value into a JSON-compatible value
    /// (<see cref="string"/>, <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>, <see cref="double"/> or <see cref="decimal"/>).
    /// Throws <see cref="ValueCoercionException"/> when the value cannot be represented.
    /// </summary>
    public abstract object Serialize(object value);

    /// <summary>
    /// Input coercion of a variable value: <paramref name="value"/> is a JSON-compatible value
    /// (string, bool, int, long, double or decimal). Returns the value resolvers receive.
    /// Throws <see cref="ValueCoercionException"/> when the value is not acceptable.
    /// </summary>
    public abstract object ParseValue(object value);

    /// <summary>
    /// Input coercion of a literal in a document. <paramref name="literal"/> carries the literal's kind and its
    /// source text, so a scalar can tell <c>1</c> from <c>1.0</c> from <c>"1"</c>.
    /// By default an int, float or string literal goes through <see cref="ParseValue"/>.
    /// </summary>
    public virtual object ParseLiteral(ScalarLiteral literal)
    {
        if (ParsesLiteralsUntyped && literal.Syntax is { } syntax)
        {
            // graphql-js's default parseLiteral: valueFromASTUntyped, then parseValue. Without variables (validation),
            // a variable inside the literal reads as null.
            return ParseValue(Execution.ValueCoercion.Untyped(syntax, null)!);
        }

        return literal.Kind switch
        {
            ScalarLiteralKind.String => ParseValue(literal.Text),
            ScalarLiteralKind.Boolean => ParseValue(literal.Text == "true"),
            ScalarLiteralKind.Int when int.TryParse(literal.Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var i) => ParseValue(i),
            ScalarLiteralKind.Int or ScalarLiteralKind.Float => ParseValue(double.Parse(literal.Text, System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new ValueCoercionException($"{Name} cannot represent the value: {literal}"),
        };
    }

    /// <summary>
    /// True for scalars that read any literal structurally (graphql-js <c>valueFromASTUntyped</c>): lists become lists, objects
    /// dictionaries, enum values their names; then <see cref="ParseValue"/> sees the result. Scalars declared in SDL work this way.
    /// </summary>
    internal bool ParsesLiteralsUntyped { get; init; }

    /// <summary>Creates a custom scalar from delegates; literals reach <paramref name="parseValue"/> as plain values (lists, dictionaries, names).</summary>
    /// <param name="name">The scalar's name.</param>
    /// <param name="serialize">Result coercion; see <see cref="Serialize"/>.</param>
    /// <param name="parseValue">Input coercion; see <see cref="ParseValue"/>.</param>
    /// <param name="description">The description.</param>
    /// <param name="specifiedByUrl">The URL of the scalar's specification.</param>
    public static ScalarType Create(string name, Func<object, object> serialize, Func<object, object> parseValue, string? description = null, string? specifiedByUrl = null)
    {
        ArgumentNullException.ThrowIfNull(serialize);
        ArgumentNullException.ThrowIfNull(parseValue);
        return new DelegateScalarType(name, description, specifiedByUrl, serialize, parseValue) { ParsesLiteralsUntyped = true };
    }
}
