namespace OrleansShop.Runtime.Sql.Tests.Support;

/// <summary>A state record as first deployed.</summary>
public sealed record CartState(string Owner, int Items);
