namespace OrleansShop.Runtime.Concurrency;

/// <summary>The method does not change state: it may interleave with other read-only calls.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class ReadOnlyAttribute : Attribute;
