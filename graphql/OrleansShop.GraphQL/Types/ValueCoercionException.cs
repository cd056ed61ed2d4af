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
}
