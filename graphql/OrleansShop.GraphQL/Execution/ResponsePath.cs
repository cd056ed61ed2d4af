namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// A response path as a linked list, so each field extends its parent's path without copying; materialized only for errors and
/// resolvers that ask. Each position knows whether its type is nullable, so an error knows where its null lands (spec 6.4.4).
/// </summary>
internal sealed class ResponsePath(ResponsePath? parent, object key, bool isNullable = true)
{
    public ResponsePath? Parent { get; } = parent;

    public object Key { get; } = key;

    /// <summary>False when the position's type is non-null, so an error here nulls the parent position instead.</summary>
    public bool IsNullable { get; } = isNullable;

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
