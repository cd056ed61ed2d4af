namespace OrleansShop.Api.Demo;

/// <summary>The demo catalog, bound from <c>OrleansShop:Demo</c> (<c>OrleansShop__Demo__Seed=false</c> turns it off).</summary>
public sealed class DemoOptions
{
    public const string Section = "OrleansShop:Demo";

    /// <summary>Seeds categories and products with stock in the background after start; idempotent across restarts.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>How many products the demo catalog holds (tests use a few dozen to start fast).</summary>
    public int Products { get; set; } = 1_000;
}
