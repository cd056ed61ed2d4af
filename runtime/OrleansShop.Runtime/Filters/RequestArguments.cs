using OrleansShop.Runtime.Invocation;

namespace OrleansShop.Runtime.Filters;

internal static class RequestArguments
{
    public static IReadOnlyList<object?> Of(GrainRequest request)
    {
        var arguments = new object?[request.ArgumentCount];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = request.GetArgument(i);
        }

        return arguments;
    }
}
