namespace OrleansShop.GrainInterfaces;

/// <summary>A profile update: null leaves a field unchanged; an empty phone removes it.</summary>
public sealed record ProfileChanges(string? DisplayName = null, string? Phone = null);
