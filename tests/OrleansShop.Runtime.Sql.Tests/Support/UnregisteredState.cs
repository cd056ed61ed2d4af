namespace OrleansShop.Runtime.Sql.Tests.Support;

/// <summary>A state type no JsonSerializerContext knows, to exercise the reflection fallback.</summary>
public sealed class UnregisteredState
{
    public int Value { get; set; }
}
