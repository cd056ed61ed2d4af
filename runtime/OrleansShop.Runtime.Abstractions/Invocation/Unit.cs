namespace OrleansShop.Runtime.Invocation;

/// <summary>The result type of methods that return a plain Task or ValueTask.</summary>
public readonly record struct Unit
{
    public static readonly Unit Value;
}
