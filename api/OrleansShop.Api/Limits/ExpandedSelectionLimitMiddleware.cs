using RequestContext = HotChocolate.Execution.RequestContext;
using RequestDelegate = HotChocolate.Execution.RequestDelegate;

namespace OrleansShop.Api.Limits;

/// <summary>
/// The request pipeline's step between parsing and validation: a document whose fragments expand to more field
/// selections than <see cref="MaxSelections"/> is refused with MAX_FIELDS_EXCEEDED before validation, cost analysis
/// or the operation compiler walk it. HotChocolate 16 bounds fragment visits in validation, but a valid document with
/// 2^40 expanded selections still kept a core busy for over a minute after validation (the protocol tests' fan-out).
/// </summary>
internal sealed class ExpandedSelectionLimitMiddleware(RequestDelegate next)
{
    public const string Key = "OrleansShop.ExpandedSelectionLimit";

    /// <summary>The IDE's introspection query expands to a few hundred; a storefront page to under a hundred.</summary>
    public const long MaxSelections = 10_000;

    public const string Code = "MAX_FIELDS_EXCEEDED";

    public ValueTask InvokeAsync(RequestContext context)
    {
        // A document from the cache was counted when it was first parsed.
        var document = context.OperationDocumentInfo;
        if (document is { Document: { } parsed, IsValidated: false } && ExpandedSelections.Count(parsed) > MaxSelections)
        {
            context.Result = OperationResult.FromError(ErrorBuilder.New()
                .SetMessage($"The document selects more than {MaxSelections:N0} fields once its fragments are expanded.")
                .SetCode(Code)
                .Build());
            return ValueTask.CompletedTask;
        }

        return next(context);
    }
}
