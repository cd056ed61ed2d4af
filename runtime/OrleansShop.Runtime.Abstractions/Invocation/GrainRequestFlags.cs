namespace OrleansShop.Runtime.Invocation;

[Flags]
public enum GrainRequestFlags
{
    None = 0,
    ReadOnly = 1,
    AlwaysInterleave = 2,
    OneWay = 4,
}
