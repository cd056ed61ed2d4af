namespace OrleansShop.Runtime.CodeGenerator;

/// <summary>The runtime contract the generated code is written against (OrleansShop.Runtime.Abstractions).</summary>
internal static class KnownTypes
{
    public const string RuntimeNamespace = "OrleansShop.Runtime";
    public const string ConcurrencyNamespace = "OrleansShop.Runtime.Concurrency";

    public const string GrainId = "global::OrleansShop.Runtime.GrainId";
    public const string GrainReference = "global::OrleansShop.Runtime.Invocation.GrainReference";
    public const string GrainReferenceRuntime = "global::OrleansShop.Runtime.Invocation.IGrainReferenceRuntime";
    public const string GrainRequest = "global::OrleansShop.Runtime.Invocation.GrainRequest";
    public const string GrainRequestFlags = "global::OrleansShop.Runtime.Invocation.GrainRequestFlags";
    public const string GrainProxyRegistry = "global::OrleansShop.Runtime.Invocation.GrainProxyRegistry";
    public const string GrainRequestRegistry = "global::OrleansShop.Runtime.Invocation.GrainRequestRegistry";
    public const string Unit = "global::OrleansShop.Runtime.Invocation.Unit";

    public const string Task = "global::System.Threading.Tasks.Task";
    public const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    public const string Type = "global::System.Type";
    public const string MethodInfo = "global::System.Reflection.MethodInfo";
    public const string BindingFlags = "global::System.Reflection.BindingFlags";

    /// <summary>Where generated types live: apart from user namespaces so that no generated name can clash with a user type.</summary>
    public const string GeneratedNamespaceRoot = "OrleansShopCodeGen";
}
