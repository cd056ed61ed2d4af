namespace OrleansShop.Runtime;

/// <summary>
/// The context of the grain being constructed on this thread, so that <see cref="Grain"/>'s constructor can find its
/// activation without every grain class passing it through (as Orleans' RuntimeContext does).
/// </summary>
internal static class ActivatingGrainContext
{
    [ThreadStatic]
    private static IGrainContext? current;

    internal static IGrainContext? Current
    {
        get => current;
        set => current = value;
    }
}
