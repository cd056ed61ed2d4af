namespace OrleansShop.Runtime.CodeGenerator.Model;

/// <summary>Everything the generator emits for one grain interface, free of symbols so that it caches by value.</summary>
/// <param name="InterfaceType">The fully qualified interface, e.g. <c>global::Shop.ICartGrain</c>.</param>
/// <param name="GeneratedNamespace">Where the proxy and its requests live, apart from user types so names cannot clash.</param>
/// <param name="CanGenerate">False when a diagnostic was reported or the interface cannot have a registered proxy.</param>
internal sealed record GrainInterfaceModel(
    string InterfaceType,
    string GeneratedNamespace,
    string ProxyName,
    string HintName,
    bool CanGenerate,
    EquatableArray<GrainMethodModel> Methods,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public string QualifiedProxyName => "global::" + GeneratedNamespace + "." + ProxyName;
}
