using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Tests.Language;

/// <summary>Walking and rewriting the AST, as validation rules and transforms do.</summary>
public sealed class SyntaxWalkerTests
{
    private sealed class Recorder(Func<SyntaxNode, VisitorAction>? onEnter = null) : SyntaxVisitor
    {
        public List<string> Events { get; } = [];

        public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
        {
            Events.Add($"enter {node.Kind} {Label(node)} depth {ancestors.Count}");
            return onEnter?.Invoke(node) ?? VisitorAction.Continue;
        }

        public override VisitorAction Leave(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
        {
            Events.Add($"leave {node.Kind} {Label(node)}");
            return VisitorAction.Continue;
        }

        private static string Label(SyntaxNode node) => node is NameNode name ? name.Value : string.Empty;
    }

    [Fact]
    public void Walks_in_source_order_entering_and_leaving_every_node()
    {
        var recorder = new Recorder();
        SyntaxWalker.Walk(Parser.Parse("{ a(x: 1) }"), recorder);
        Assert.Equal(
            [
                "enter Document  depth 0", "enter OperationDefinition  depth 1", "enter SelectionSet  depth 2",
                "enter Field  depth 3", "enter Name a depth 4", "leave Name a", "enter Argument  depth 4",
                "enter Name x depth 5", "leave Name x", "enter IntValue  depth 5", "leave IntValue ",
                "leave Argument ", "leave Field ", "leave SelectionSet ", "leave OperationDefinition ", "leave Document ",
            ],
            recorder.Events);
    }

    [Fact]
    public void Skip_leaves_out_the_subtree_and_break_stops_the_walk()
    {
        var skipper = new Recorder(node => node is FieldNode { Name.Value: "a" } ? VisitorAction.Skip : VisitorAction.Continue);
        SyntaxWalker.Walk(Parser.Parse("{ a { b } c }"), skipper);
        Assert.DoesNotContain(skipper.Events, e => e.Contains(" b ", StringComparison.Ordinal));
        Assert.Contains(skipper.Events, e => e.StartsWith("enter Name c", StringComparison.Ordinal));

        var breaker = new Recorder(node => node is NameNode { Value: "b" } ? VisitorAction.Break : VisitorAction.Continue);
        SyntaxWalker.Walk(Parser.Parse("{ a { b } c }"), breaker);
        Assert.Equal("enter Name b depth 6", breaker.Events[^1]);
    }

    [Fact]
    public void Parallel_visitors_skip_and_break_independently()
    {
        var skipper = new Recorder(node => node is FieldNode { Name.Value: "a" } ? VisitorAction.Skip : VisitorAction.Continue);
        var breaker = new Recorder(node => node is FieldNode ? VisitorAction.Break : VisitorAction.Continue);
        var all = new Recorder();
        SyntaxWalker.Walk(Parser.Parse("{ a { b } c }"), new ParallelVisitor(skipper, breaker, all));

        Assert.DoesNotContain(skipper.Events, e => e.Contains("Name b", StringComparison.Ordinal));
        Assert.Contains(skipper.Events, e => e.Contains("Name c", StringComparison.Ordinal));
        Assert.Equal("enter Field  depth 3", breaker.Events[^1]);
        Assert.Contains(all.Events, e => e.Contains("enter Name b", StringComparison.Ordinal));
        Assert.Equal("leave Document ", all.Events[^1]);
    }

    [Fact]
    public void Every_node_of_the_kitchen_sinks_is_visited()
    {
        foreach (string file in new[] { "kitchen-sink.graphql", "schema-kitchen-sink.graphql" })
        {
            var recorder = new Recorder();
            SyntaxWalker.Walk(Parser.Parse(Corpus.Read(file)), recorder);
            Assert.Equal(recorder.Events.Count(e => e.StartsWith("enter", StringComparison.Ordinal)), recorder.Events.Count(e => e.StartsWith("leave", StringComparison.Ordinal)));
        }

        var kinds = new HashSet<SyntaxKind>();
        var collector = new KindCollector(kinds);
        SyntaxWalker.Walk(Parser.Parse(Corpus.Read("kitchen-sink.graphql")), collector);
        SyntaxWalker.Walk(Parser.Parse(Corpus.Read("schema-kitchen-sink.graphql")), collector);

        // Schema coordinates are parsed on their own, not inside documents.
        foreach (string coordinate in new[] { "T", "T.f", "T.f(a:)", "@d", "@d(a:)" })
        {
            SyntaxWalker.Walk(Parser.ParseSchemaCoordinate(coordinate), collector);
        }

        Assert.Equal(Enum.GetValues<SyntaxKind>().Order(), kinds.Order());
    }

    [Fact]
    public void The_names_of_a_schema_coordinate_are_visited_in_order()
    {
        var recorder = new Recorder();
        SyntaxWalker.Walk(Parser.ParseSchemaCoordinate("Query.product(id:)"), recorder);
        Assert.Equal(["Query", "product", "id"], recorder.Events.Where(e => e.StartsWith("enter Name", StringComparison.Ordinal)).Select(e => e.Split(' ')[2]));
    }

    private sealed class KindCollector(HashSet<SyntaxKind> kinds) : SyntaxVisitor
    {
        public override VisitorAction Enter(SyntaxNode node, IReadOnlyList<SyntaxNode> ancestors)
        {
            kinds.Add(node.Kind);
            return VisitorAction.Continue;
        }
    }

    private sealed class RenameAndDrop : SyntaxRewriter
    {
        public override SyntaxNode? Visit(SyntaxNode node) => node switch
        {
            FieldNode { Name.Value: "secret" } => null,
            NameNode { Value: "old" } => new NameNode("renamed"),
            _ => VisitChildren(node),
        };
    }

    [Fact]
    public void Rewriter_replaces_and_removes_nodes_and_shares_unchanged_subtrees()
    {
        DocumentNode document = Parser.Parse("{ old secret kept { deep } }");
        var rewritten = (DocumentNode)new RenameAndDrop().Visit(document)!;
        Assert.Equal("{\n  renamed\n  kept {\n    deep\n  }\n}", Printer.Print(rewritten));

        var before = (FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[2];
        var after = (FieldNode)((OperationDefinitionNode)rewritten.Definitions[0]).SelectionSet.Selections[1];
        Assert.Same(before, after);

        DocumentNode untouched = Parser.Parse("{ a }");
        Assert.Same(untouched, new RenameAndDrop().Visit(untouched));
    }
}
