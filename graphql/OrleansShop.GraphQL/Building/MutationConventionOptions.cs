namespace OrleansShop.GraphQL.Building;

/// <summary>
/// Options of HotChocolate's mutation convention (<see cref="FieldDescriptor.UseMutationConvention"/>): which type the
/// <c>errors</c> of a payload list, and which exceptions become such errors. The error type belongs to the application
/// (for example <c>type UserError implements Error { message: String! code: ErrorCode! field: [String!] }</c>), so the
/// engine knows nothing of its codes.
/// </summary>
public sealed class MutationConventionOptions
{
    /// <summary>The type of a payload's <c>errors</c> items; the application declares it. Defaults to <c>UserError</c>.</summary>
    public string ErrorType { get; set; } = "UserError";

    /// <summary>
    /// The interface error types implement. When the schema declares no type of this name, the builder adds
    /// <c>interface Error { message: String! }</c>. Defaults to <c>Error</c>.
    /// </summary>
    public string ErrorInterface { get; set; } = "Error";

    /// <summary>The suffix of payload type names: <c>placeOrder</c> returns <c>PlaceOrderPayload</c>. Defaults to <c>Payload</c>.</summary>
    public string PayloadSuffix { get; set; } = "Payload";

    /// <summary>
    /// Turns an exception a mutation's resolver throws into an error object of <see cref="ErrorType"/>, or returns null to leave
    /// it a GraphQL field error. Resolvers may also return <see cref="MutationPayload.Failure(object[])"/> themselves.
    /// </summary>
    public Func<Exception, object?>? MapException { get; set; }
}
