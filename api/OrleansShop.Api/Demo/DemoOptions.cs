namespace OrleansShop.Api.Demo;

/// <summary>The demo catalog, bound from <c>OrleansShop:Demo</c> (<c>OrleansShop__Demo__Seed=false</c> turns it off).</summary>
public sealed class DemoOptions
{
    public const string Section = "OrleansShop:Demo";

    /// <summary>Seeds a few categories and products with stock on start; idempotent across restarts.</summary>
    public bool Seed { get; set; } = true;
}
