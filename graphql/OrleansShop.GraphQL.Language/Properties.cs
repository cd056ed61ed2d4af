using System.Runtime.CompilerServices;

// The lexer is internal (a ref struct tied to the parser), but its tests and benchmarks need it.
[assembly: InternalsVisibleTo("OrleansShop.GraphQL.Tests")]
[assembly: InternalsVisibleTo("OrleansShop.Benchmarks")]
