namespace OrleansShop.Grains;

internal static class ClockExtensions
{
    /// <summary>The grains' clock: the silo's TimeProvider when it registers one (tests do), else the system clock.</summary>
    public static TimeProvider Clock(this IServiceProvider services) =>
        services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
}
