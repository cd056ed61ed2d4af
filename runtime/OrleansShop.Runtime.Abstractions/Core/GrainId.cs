namespace OrleansShop.Runtime;

/// <summary>
/// The identity of a grain: its type (the grain class's short name, as Orleans' GrainType) and its key.
/// Guid and integer keys are stored in their canonical string form so that one id type serves all key kinds.
/// </summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => Type + "/" + Key;
}
