using RequestContext = HotChocolate.Execution.RequestContext;

namespace OrleansShop.Api.Limits;

/// <summary>
/// Marks an operation the process runs on itself (the catalog warm-up), which no client's budget pays for. The mark is an
/// object only this process holds, put in the request's global state, where nothing a client sends can reach.
/// </summary>
internal static class InternalOperation
{
    private const string Key = "OrleansShop.InternalOperation";
    private static readonly object s_mark = new();

    public static OperationRequestBuilder MarkInternal(this OperationRequestBuilder request) => request.SetGlobalState(Key, s_mark);

    public static bool IsInternal(this RequestContext context) =>
        context.ContextData.TryGetValue(Key, out var mark) && ReferenceEquals(mark, s_mark);
}
