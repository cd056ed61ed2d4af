namespace OrleansShop.Runtime.Concurrency;

/// <summary>Calls to this interface method are admitted even while another call is running.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class AlwaysInterleaveAttribute : Attribute;
