using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OrleansShop.Runtime.CodeGenerator.Tests.Generation;

public sealed class GeneratedCodeTests
{
    private const string Shop = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using OrleansShop.Runtime;
        using OrleansShop.Runtime.Concurrency;

        namespace Shop.Carts
        {
            public sealed record CartLine(string Sku, int Quantity);

            public interface IPricing
            {
                Task<decimal> PriceAsync(string sku);
            }

            public interface ICartGrain : IGrainWithStringKey, IPricing
            {
                Task AddAsync(string sku, int quantity, CancellationToken cancellationToken);
                Task AddAsync(CartLine line);
                [ReadOnly] Task<IReadOnlyList<CartLine>> LinesAsync();
                [ReadOnly, AlwaysInterleave] ValueTask<(int Count, decimal Total)> SummaryAsync();
                ValueTask ClearAsync();
                [OneWay] Task TouchAsync();
                [OneWay] ValueTask PingAsync();
                Task<string?> FindAsync(string? @event, Dictionary<string, List<int?>> map, (string Name, int[] Values) tuple, params object[] rest);
                Task<CartLine[]?> ArraysAsync(int[,] grid, Guid? maybe, dynamic loose);
                [Obsolete("kept for old clients")] Task LegacyAsync();
                Task RuntimeAsync(string runtime, string Runtime, string request, string grain, string index);
            }

            public interface ISavedCartGrain : ICartGrain
            {
                new Task ClearAsync();
            }

            public static class Outer
            {
                public interface INestedGrain : IGrainWithGuidKey
                {
                    Task<int> CountAsync();
                }

                internal interface IInternalNestedGrain : IGrainWithIntegerKey
                {
                    Task<int> CountAsync();
                }
            }

            public interface INotAGrain
            {
                Task<int> CountAsync();
            }
        }
        """;

    private const string GlobalNamespace = """
        using System.Threading.Tasks;

        public interface IGlobalGrain : OrleansShop.Runtime.IGrainWithStringKey
        {
            Task<int> CountAsync();
        }

        internal interface IEmptyGrain : OrleansShop.Runtime.IGrainWithStringKey;
        """;

    [Fact]
    public void Sample_interfaces_generate_code_that_compiles_without_warnings()
    {
        var output = GeneratorHarness.Run(Shop, GlobalNamespace);

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.CompilationProblems);
    }

    [Fact]
    public void Every_grain_interface_gets_one_file_and_other_interfaces_none()
    {
        var output = GeneratorHarness.Run(Shop, GlobalNamespace);

        Assert.Equal(
            [
                "GrainProxyRegistration.g.cs",
                "IEmptyGrain.g.cs",
                "IGlobalGrain.g.cs",
                "Shop.Carts.ICartGrain.g.cs",
                "Shop.Carts.ISavedCartGrain.g.cs",
                "Shop.Carts.Outer_IInternalNestedGrain.g.cs",
                "Shop.Carts.Outer_INestedGrain.g.cs",
            ],
            output.HintNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Module_initializer_registers_every_proxy_with_a_static_lambda()
    {
        var source = GeneratorHarness.Run(Shop, GlobalNamespace).Source("GrainProxyRegistration.g.cs");

        Assert.Contains("internal static class GrainProxyRegistration_Samples_GrainInterfaces", source, StringComparison.Ordinal);
        Assert.Contains("[global::System.Runtime.CompilerServices.ModuleInitializer]", source, StringComparison.Ordinal);
        Assert.Contains(
            "global::OrleansShop.Runtime.Invocation.GrainProxyRegistry.Register(typeof(global::Shop.Carts.ICartGrain), static (grainId, runtime) => new global::OrleansShopCodeGen.Shop.Carts.Proxy_ICartGrain(grainId, runtime));",
            source,
            StringComparison.Ordinal);
        Assert.Contains("typeof(global::IGlobalGrain), static (grainId, runtime) => new global::OrleansShopCodeGen.Proxy_IGlobalGrain(grainId, runtime)", source, StringComparison.Ordinal);
        Assert.Contains("typeof(global::Shop.Carts.Outer.INestedGrain), static (grainId, runtime) => new global::OrleansShopCodeGen.Shop.Carts.Proxy_Outer_INestedGrain(grainId, runtime)", source, StringComparison.Ordinal);
        Assert.Equal(6, source.Split("GrainProxyRegistry.Register(").Length - 1);
        Assert.Contains(
            "global::OrleansShop.Runtime.Invocation.GrainRequestRegistry.Register(typeof(global::Shop.Carts.ICartGrain), \"AddAsync\", new global::System.Type[] { typeof(global::Shop.Carts.CartLine) }, global::OrleansShopCodeGen.Shop.Carts.Request_ICartGrain_AddAsync_1.Create);",
            source,
            StringComparison.Ordinal);
        Assert.Contains(
            "GrainRequestRegistry.Register(typeof(global::Shop.Carts.IPricing), \"PriceAsync\", new global::System.Type[] { typeof(string) }, global::OrleansShopCodeGen.Shop.Carts.Request_ICartGrain_PriceAsync.Create);",
            source,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Proxy_implements_each_method_explicitly_with_one_request_and_one_runtime_call()
    {
        var source = GeneratorHarness.Run(Shop).Source("Shop.Carts.ICartGrain.g.cs");

        Assert.StartsWith("// <auto-generated/>\n#nullable enable\n", source, StringComparison.Ordinal);
        Assert.Contains("internal sealed class Proxy_ICartGrain : global::OrleansShop.Runtime.Invocation.GrainReference, global::Shop.Carts.ICartGrain", source, StringComparison.Ordinal);
        Assert.Contains(
            """
                    global::System.Threading.Tasks.Task<string?> global::Shop.Carts.ICartGrain.FindAsync(string? @event, global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.List<int?>> map, (string Name, int[] Values) tuple, object[] rest)
                    {
                        return this.Runtime.InvokeAsync<string?>(this, new Request_ICartGrain_FindAsync(@event, map, tuple, rest));
                    }
            """,
            source,
            StringComparison.Ordinal);
        Assert.Contains(
            "return new global::System.Threading.Tasks.ValueTask<(int Count, decimal Total)>(this.Runtime.InvokeAsync<(int Count, decimal Total)>(this, new Request_ICartGrain_SummaryAsync()));",
            source,
            StringComparison.Ordinal);
        Assert.Contains(
            "return new global::System.Threading.Tasks.ValueTask(this.Runtime.InvokeAsync<global::OrleansShop.Runtime.Invocation.Unit>(this, new Request_ICartGrain_ClearAsync()));",
            source,
            StringComparison.Ordinal);
        Assert.Contains(
            """
                        this.Runtime.InvokeOneWay(this, new Request_ICartGrain_TouchAsync());
                        return global::System.Threading.Tasks.Task.CompletedTask;
            """,
            source,
            StringComparison.Ordinal);
        Assert.Contains("global::System.Threading.Tasks.Task<decimal> global::Shop.Carts.IPricing.PriceAsync(string sku)", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Overloads_get_distinct_request_classes_in_declaration_order()
    {
        var source = GeneratorHarness.Run(Shop).Source("Shop.Carts.ICartGrain.g.cs");

        Assert.Contains("new Request_ICartGrain_AddAsync_0(sku, quantity, cancellationToken)", source, StringComparison.Ordinal);
        Assert.Contains("new Request_ICartGrain_AddAsync_1(line)", source, StringComparison.Ordinal);
        Assert.Contains("internal sealed class Request_ICartGrain_AddAsync_0 : global::OrleansShop.Runtime.Invocation.GrainRequest<global::OrleansShop.Runtime.Invocation.Unit>", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_looks_up_its_method_with_runtime_types_and_invokes_on_the_declaring_interface()
    {
        var source = GeneratorHarness.Run(Shop).Source("Shop.Carts.ICartGrain.g.cs");

        Assert.Contains(
            "typeof(global::Shop.Carts.ICartGrain).GetMethod(\"FindAsync\", global::System.Reflection.BindingFlags.Public | global::System.Reflection.BindingFlags.NonPublic | global::System.Reflection.BindingFlags.Instance, null, new global::System.Type[] { typeof(string), typeof(global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.List<global::System.Nullable<int>>>), typeof((string, int[])), typeof(object[]) }, null)",
            source,
            StringComparison.Ordinal);
        Assert.Contains("new global::System.Type[] { typeof(int[,]), typeof(global::System.Nullable<global::System.Guid>), typeof(object) }", source, StringComparison.Ordinal);
        Assert.Contains(
            "public override global::System.Threading.Tasks.ValueTask<decimal> InvokeAsync(object grain) => new global::System.Threading.Tasks.ValueTask<decimal>(((global::Shop.Carts.IPricing)grain).PriceAsync(this.arg0));",
            source,
            StringComparison.Ordinal);
        Assert.Contains("public override global::System.Type InterfaceType => typeof(global::Shop.Carts.IPricing);", source, StringComparison.Ordinal);
        Assert.Contains(
            "public override global::OrleansShop.Runtime.Invocation.GrainRequestFlags Flags => global::OrleansShop.Runtime.Invocation.GrainRequestFlags.ReadOnly | global::OrleansShop.Runtime.Invocation.GrainRequestFlags.AlwaysInterleave;",
            source,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Requests_for_plain_tasks_skip_the_state_machine_when_the_grain_completed_synchronously()
    {
        var source = GeneratorHarness.Run(Shop).Source("Shop.Carts.ICartGrain.g.cs");

        Assert.Contains(
            """
                    public override global::System.Threading.Tasks.ValueTask<global::OrleansShop.Runtime.Invocation.Unit> InvokeAsync(object grain)
                    {
                        global::System.Threading.Tasks.Task task = ((global::Shop.Carts.ICartGrain)grain).LegacyAsync();
                        if (task.IsCompletedSuccessfully)
                        {
                            return new global::System.Threading.Tasks.ValueTask<global::OrleansShop.Runtime.Invocation.Unit>(global::OrleansShop.Runtime.Invocation.Unit.Value);
                        }

                        return AwaitAsync(task);

                        static async global::System.Threading.Tasks.ValueTask<global::OrleansShop.Runtime.Invocation.Unit> AwaitAsync(global::System.Threading.Tasks.Task pending)
                        {
                            await pending.ConfigureAwait(false);
                            return global::OrleansShop.Runtime.Invocation.Unit.Value;
                        }
                    }
            """,
            source,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Open_generic_grain_interface_gets_no_proxy_but_a_closed_derived_interface_carries_its_methods()
    {
        var output = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            namespace Shop;
            public interface IRepositoryGrain<T> : OrleansShop.Runtime.IGrainWithStringKey
            {
                Task<T?> GetAsync(string id);
                Task PutAsync(string id, T value);
            }
            public interface IStringRepositoryGrain : IRepositoryGrain<string>;
            """);

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.CompilationProblems);
        Assert.DoesNotContain("Shop.IRepositoryGrain.g.cs", output.HintNames);
        var source = output.Source("Shop.IStringRepositoryGrain.g.cs");
        Assert.Contains("global::System.Threading.Tasks.Task<string?> global::Shop.IRepositoryGrain<string>.GetAsync(string id)", source, StringComparison.Ordinal);
        Assert.Contains("typeof(global::Shop.IRepositoryGrain<string>).GetMethod(\"PutAsync\"", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Partial_interface_declared_in_two_files_is_generated_once()
    {
        var output = GeneratorHarness.Run(
            """
            namespace Shop;
            public partial interface IPartialGrain
            {
                System.Threading.Tasks.Task FirstAsync();
            }
            """,
            """
            namespace Shop;
            public partial interface IPartialGrain : OrleansShop.Runtime.IGrainWithStringKey
            {
                System.Threading.Tasks.Task SecondAsync();
            }
            """);

        Assert.Empty(output.CompilationProblems);
        Assert.Equal(["GrainProxyRegistration.g.cs", "Shop.IPartialGrain.g.cs"], output.HintNames.Order(StringComparer.Ordinal));
        Assert.Contains("Request_IPartialGrain_FirstAsync", output.Source("Shop.IPartialGrain.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Interface_declared_without_nullable_annotations_still_compiles_cleanly()
    {
        var output = GeneratorHarness.Run("""
            #nullable disable
            using System.Collections.Generic;
            using System.Threading.Tasks;
            namespace Legacy;
            public interface ILegacyGrain : OrleansShop.Runtime.IGrainWithIntegerKey
            {
                Task<string> NameAsync(string prefix, List<string> tags);
                ValueTask<object> AnythingAsync(object value);
            }
            """);

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.CompilationProblems);
        Assert.Contains("Legacy.ILegacyGrain.g.cs", output.HintNames);
    }

    [Fact]
    public void Compilation_without_grain_interfaces_gets_no_output()
    {
        var output = GeneratorHarness.Run("namespace Shop; public interface IPlain : System.IDisposable { }");

        Assert.Empty(output.HintNames);
    }

    [Fact]
    public void An_edit_that_does_not_change_grain_interfaces_regenerates_nothing()
    {
        var compilation = GeneratorHarness.Compile(Shop);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Shop.Carts; public interface IUnrelated : System.IDisposable { } public sealed class Other { }",
            GeneratorHarness.ParseOptions,
            cancellationToken: TestContext.Current.CancellationToken));
        var result = driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        var outputs = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
    }

    [Fact]
    public void An_edit_to_a_grain_method_regenerates_that_interface()
    {
        var compilation = GeneratorHarness.Compile(Shop);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        var tree = compilation.SyntaxTrees.Single();

        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            Shop.Replace("ValueTask ClearAsync();", "ValueTask ClearAsync(bool hard);", StringComparison.Ordinal))));
        var result = driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        Assert.Contains("new Request_ICartGrain_ClearAsync(hard)", result.GeneratedSources.Single(s => s.HintName == "Shop.Carts.ICartGrain.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }
}
