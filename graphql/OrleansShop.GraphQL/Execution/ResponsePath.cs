namespace OrleansShop.GraphQL.Execution;

/// <summary>A response path as a linked list, so each field extends its parent's path without copying; materialized only for errors and resolvers that ask.</summary>
internal sealed class ResponsePath(ResponsePath? parent, object key)
{
    public ResponsePath? Parent { get; } = parent;

    public object Key { get; } = key;

    public static IReadOnlyList<object> ToList(ResponsePath? path)
    {
        var depth = 0;
        for (var p = path; p is not null; p = p.Parent)
        {
            depth++;
        }

        var result = new object[depth];
        for (var p = path; p is not null; p = p.Parent)
        {
            result[--depth] = p.Key;
        }

        return result;
    }
}
