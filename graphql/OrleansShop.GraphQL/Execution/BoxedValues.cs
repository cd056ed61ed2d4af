namespace OrleansShop.GraphQL.Execution;

/// <summary>
/// Boxes shared by every request, so reading a <see cref="bool"/> or a small <see cref="int"/> property, or indexing a list
/// in a response path, allocates nothing. Boxed values are immutable, so sharing them is safe.
/// </summary>
internal static class BoxedValues
{
    private const int MinCachedInt = -256;
    private const int MaxCachedInt = 1023;

    private static readonly object[] Ints = CreateInts();

    public static readonly object True = true;

    public static readonly object False = false;

    public static object Bool(bool value) => value ? True : False;

    public static object Int(int value) =>
        (uint)(value - MinCachedInt) <= MaxCachedInt - MinCachedInt ? Ints[value - MinCachedInt] : value;

    private static object[] CreateInts()
    {
        var ints = new object[MaxCachedInt - MinCachedInt + 1];
        for (var i = 0; i < ints.Length; i++)
        {
            ints[i] = i + MinCachedInt;
        }

        return ints;
    }
}
