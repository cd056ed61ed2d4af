namespace OrleansShop.Runtime.Concurrency;

/// <summary>The caller does not wait for the call to finish; exceptions are logged, not returned.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class OneWayAttribute : Attribute;
