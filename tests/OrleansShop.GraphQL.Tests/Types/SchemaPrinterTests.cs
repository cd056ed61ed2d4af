using OrleansShop.GraphQL.Building;
using OrleansShop.GraphQL.Utilities;

namespace OrleansShop.GraphQL.Tests.Types;

/// <summary>The expected texts were printed by graphql-js 17.1.0 (buildSchema then printSchema) from the same SDL.</summary>
public sealed class SchemaPrinterTests
{
    internal const string EveryConstruct = """"
"""The shop's schema."""
schema {
  query: Root
  mutation: Mutation
  subscription: Subscription
}

"""Marks a field as cached."""
directive @cached(
  """Seconds to keep."""
  maxAge: Int = 60
  scope: Scope = PUBLIC
) repeatable on FIELD_DEFINITION | OBJECT

directive @tag(name: String!) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION

"""An object with an ID."""
interface Node {
  id: ID!
}

interface Named implements Node {
  id: ID!
  name: String
}

type Root {
  node(id: ID!): Node
  products(first: Int = 10, after: String, filter: ProductFilter = {inStock: true, tags: ["a", "b"]}): [Product!]!
  search(
    """What to look for."""
    term: String!
    by: SearchBy
  ): [SearchResult]
  old: String @deprecated
  older(arg: Int @deprecated(reason: "Gone.")): String @deprecated(reason: "Use \"new\" instead.")
  when: DateTime
  price: Decimal
}

"""
A product for sale.
It has a long description spanning two lines.
"""
type Product implements Node & Named {
  id: ID!
  name: String
  "Price in the shop's currency"
  price: Decimal!
  status: Status
}

type Category implements Named & Node {
  id: ID!
  name: String
}

union SearchResult = Product | Category

enum Status {
  """Can be bought."""
  IN_STOCK
  SOLD_OUT @deprecated(reason: "Use IN_STOCK with zero quantity.")
  DISCONTINUED @deprecated
}

enum Scope {
  PUBLIC
  PRIVATE
}

input ProductFilter {
  inStock: Boolean
  tags: [String!]
  minPrice: Float = 1.5
  legacy: String @deprecated(reason: "No longer used.")
  status: Status = IN_STOCK
}

input SearchBy @oneOf {
  name: String
  id: ID
}

type Mutation {
  addProduct(input: ProductFilter!): Product
}

type Subscription {
  productChanged(id: ID!): Product
}

scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/andimarek/date-time")

scalar Decimal
"""";

    private const string PrintedByGraphQLJs = """"
"""The shop's schema."""
schema {
  query: Root
  mutation: Mutation
  subscription: Subscription
}

"""Marks a field as cached."""
directive @cached(
  """Seconds to keep."""
  maxAge: Int = 60
  scope: Scope = PUBLIC
) repeatable on FIELD_DEFINITION | OBJECT

directive @tag(name: String!) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION

"""An object with an ID."""
interface Node {
  id: ID!
}

interface Named implements Node {
  id: ID!
  name: String
}

type Root {
  node(id: ID!): Node
  products(first: Int = 10, after: String, filter: ProductFilter = { inStock: true, tags: ["a", "b"] }): [Product!]!
  search(
    """What to look for."""
    term: String!
    by: SearchBy
  ): [SearchResult]
  old: String @deprecated
  older(arg: Int @deprecated(reason: "Gone.")): String @deprecated(reason: "Use \"new\" instead.")
  when: DateTime
  price: Decimal
}

"""
A product for sale.
It has a long description spanning two lines.
"""
type Product implements Node & Named {
  id: ID!
  name: String

  """Price in the shop's currency"""
  price: Decimal!
  status: Status
}

type Category implements Named & Node {
  id: ID!
  name: String
}

union SearchResult = Product | Category

enum Status {
  """Can be bought."""
  IN_STOCK
  SOLD_OUT @deprecated(reason: "Use IN_STOCK with zero quantity.")
  DISCONTINUED @deprecated
}

enum Scope {
  PUBLIC
  PRIVATE
}

input ProductFilter {
  inStock: Boolean
  tags: [String!]
  minPrice: Float = 1.5
  legacy: String @deprecated(reason: "No longer used.")
  status: Status = IN_STOCK
}

input SearchBy @oneOf {
  name: String
  id: ID
}

type Mutation {
  addProduct(input: ProductFilter!): Product
}

type Subscription {
  productChanged(id: ID!): Product
}

scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/andimarek/date-time")

scalar Decimal
"""";

    private const string PrintedSortedByGraphQLJs = """"
"""The shop's schema."""
schema {
  query: Root
  mutation: Mutation
  subscription: Subscription
}

"""Marks a field as cached."""
directive @cached(
  """Seconds to keep."""
  maxAge: Int = 60
  scope: Scope = PUBLIC
) repeatable on FIELD_DEFINITION | OBJECT

directive @tag(name: String!) on ARGUMENT_DEFINITION | FIELD_DEFINITION | INPUT_FIELD_DEFINITION

type Category implements Named & Node {
  id: ID!
  name: String
}

scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/andimarek/date-time")

scalar Decimal

type Mutation {
  addProduct(input: ProductFilter!): Product
}

interface Named implements Node {
  id: ID!
  name: String
}

"""An object with an ID."""
interface Node {
  id: ID!
}

"""
A product for sale.
It has a long description spanning two lines.
"""
type Product implements Named & Node {
  id: ID!
  name: String

  """Price in the shop's currency"""
  price: Decimal!
  status: Status
}

input ProductFilter {
  inStock: Boolean
  legacy: String @deprecated(reason: "No longer used.")
  minPrice: Float = 1.5
  status: Status = IN_STOCK
  tags: [String!]
}

type Root {
  node(id: ID!): Node
  old: String @deprecated
  older(arg: Int @deprecated(reason: "Gone.")): String @deprecated(reason: "Use \"new\" instead.")
  price: Decimal
  products(after: String, filter: ProductFilter = { inStock: true, tags: ["a", "b"] }, first: Int = 10): [Product!]!
  search(
    by: SearchBy

    """What to look for."""
    term: String!
  ): [SearchResult]
  when: DateTime
}

enum Scope {
  PRIVATE
  PUBLIC
}

input SearchBy @oneOf {
  id: ID
  name: String
}

union SearchResult = Category | Product

enum Status {
  DISCONTINUED @deprecated

  """Can be bought."""
  IN_STOCK
  SOLD_OUT @deprecated(reason: "Use IN_STOCK with zero quantity.")
}

type Subscription {
  productChanged(id: ID!): Product
}
"""";

    [Fact]
    public void Printing_a_schema_with_every_construct_matches_graphql_js()
    {
        var schema = SchemaBuilder.FromSdl(EveryConstruct).Create();

        Assert.Equal(PrintedByGraphQLJs, SchemaPrinter.Print(schema));
    }

    [Fact]
    public void Printing_sorted_matches_graphql_js_lexicographic_sort()
    {
        var schema = SchemaBuilder.FromSdl(EveryConstruct).Create();

        Assert.Equal(PrintedSortedByGraphQLJs, SchemaPrinter.Print(schema, sortLexicographically: true));
    }

    [Fact]
    public void Code_first_schema_prints_inferred_types_nullability_and_conventions()
    {
        var schema = Executor.ShopSchema.Create();

        var sdl = SchemaPrinter.Print(schema);

        Assert.Contains("type Product implements Node {\n  id: ID!\n  priceWithTax(rate: Decimal! = \"0.2\"): Decimal!\n  name: String! @deprecated(reason: \"Use title.\")\n  title: String!\n  price: Decimal!\n  status: ProductStatus!\n  tags: [String!]!\n}", sdl, StringComparison.Ordinal);
        Assert.Contains("enum ProductStatus {\n  IN_STOCK\n  SOLD_OUT\n}", sdl, StringComparison.Ordinal);
        Assert.Contains("union SearchResult = Product | Category", sdl, StringComparison.Ordinal);
        Assert.Contains("scalar Decimal", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("scalar String", sdl, StringComparison.Ordinal);
    }
}
