namespace OrleansShop.Runtime.Concurrency;

/// <summary>Calls to this grain may interleave at await points (a turn still runs alone).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;
