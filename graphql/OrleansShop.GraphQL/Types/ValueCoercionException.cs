namespace OrleansShop.GraphQL.Types;

/// <summary>
/// Thrown by scalars and enums when a value cannot be coerced (spec 3.5 Scalars, "Result Coercion" and "Input Coercion").
/// The executor turns it into a GraphQL error at the field or variable concerned.
/// </summary>
public sealed class ValueCoercionException : Exception
{
    public ValueCoercionException(string message)
        : base(message)
    {
    }

    public ValueCoercionException()
        : base("The value cannot be coerced.")
    {
    }

    public ValueCoercionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The literal (or variable in a literal) that failed to coerce, so the error can point at it as graphql-js does.</summary>
    internal OrleansShop.GraphQL.Language.ValueNode? Node { get; set; }

    /// <summary>
    /// Where inside a variable's value coercion failed, printed as graphql-js does (<c>" at .lines[0].quantity"</c>), or empty.
    /// Segments are added while the failure unwinds, innermost first, so the success path builds no path at all.
    /// </summary>
    internal string InputPath
    {
        get
        {
            if (_outerSegments is null)
            {
                return string.Empty;
            }

            var text = new System.Text.StringBuilder(" at ");
            for (var i = _outerSegments.Count - 1; i >= 0; i--)
            {
                _ = _outerSegments[i] is int index
                    ? text.Append('[').Append(index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']')
                    : text.Append('.').Append(_outerSegments[i]);
            }

            return text.ToString();
        }
    }

    private List<object>? _outerSegments;

    /// <summary>Records the list index or field name that encloses the part already recorded.</summary>
    internal void AddOuterPathSegment(object segment) => (_outerSegments ??= []).Add(segment);
}
