using System.Reflection;

namespace OrleansShop.Runtime.Catalog;

/// <summary>An assembly registered with AddGrains, scanned for grain classes when the silo starts.</summary>
internal sealed record GrainAssembly(Assembly Assembly);
