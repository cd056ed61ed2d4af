using System.Runtime.CompilerServices;

// The validation rules are internal; their tests run them one at a time, as graphql-js's harness does.
[assembly: InternalsVisibleTo("OrleansShop.GraphQL.Tests")]
