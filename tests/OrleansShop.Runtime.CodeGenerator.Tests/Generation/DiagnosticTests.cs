using Microsoft.CodeAnalysis;

namespace OrleansShop.Runtime.CodeGenerator.Tests.Generation;

public sealed class DiagnosticTests
{
    private static (Diagnostic Diagnostic, string Marked) SingleDiagnostic(string members, string interfaceModifiers = "public")
    {
        var output = GeneratorHarness.Run($$"""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using OrleansShop.Runtime;
            using OrleansShop.Runtime.Concurrency;
            namespace Shop;
            {{interfaceModifiers}} interface IBadGrain : IGrainWithStringKey
            {
                Task FineAsync();
                {{members}}
            }
            """);

        // The interface is not generated, so the build fails with our error alone rather than a cascade of CS0535.
        Assert.DoesNotContain("Shop.IBadGrain.g.cs", output.HintNames);
        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        return (diagnostic, output.MarkedText(diagnostic));
    }

    [Theory]
    [InlineData("int Count();", "int")]
    [InlineData("void Fire();", "void")]
    [InlineData("IAsyncEnumerable<int> Stream();", "System.Collections.Generic.IAsyncEnumerable<int>")]
    [InlineData("Task<int>? Maybe();", "System.Threading.Tasks.Task<int>?")]
    public void Non_task_return_type_is_OSG001(string member, string returnType)
    {
        var (diagnostic, _) = SingleDiagnostic(member);

        Assert.Equal("OSG001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains($"returns '{returnType}'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.StartsWith("Grain method 'Shop.IBadGrain.", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Task Move(ref int position);", "ref")]
    [InlineData("Task Read(out int value);", "out")]
    [InlineData("Task Look(in decimal price);", "in")]
    public void By_reference_parameter_is_OSG002_at_the_parameter(string member, string refKind)
    {
        var (diagnostic, marked) = SingleDiagnostic(member);

        Assert.Equal("OSG002", diagnostic.Id);
        Assert.Contains($"is declared '{refKind}'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(marked, new[] { "position", "value", "price" });
    }

    [Fact]
    public void Generic_method_is_OSG003_at_the_method_name()
    {
        var (diagnostic, marked) = SingleDiagnostic("Task<T> Get<T>(string key);");

        Assert.Equal("OSG003", diagnostic.Id);
        Assert.Equal("Get", marked);
        Assert.Equal("Grain method 'Shop.IBadGrain.Get' has type parameters; generic grain methods are not supported", diagnostic.GetMessage());
    }

    [Fact]
    public void Property_is_OSG004()
    {
        var (diagnostic, marked) = SingleDiagnostic("string Name { get; }");

        Assert.Equal("OSG004", diagnostic.Id);
        Assert.Equal("Name", marked);
        Assert.StartsWith("Grain interface 'Shop.IBadGrain' declares the property 'Name'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Event_is_OSG004()
    {
        var (diagnostic, _) = SingleDiagnostic("event EventHandler Changed;");

        Assert.Equal("OSG004", diagnostic.Id);
        Assert.StartsWith("Grain interface 'Shop.IBadGrain' declares the event 'Changed'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[OneWay] Task<int> Count();")]
    [InlineData("[OneWay] ValueTask<string> Name();")]
    public void One_way_method_returning_a_value_is_OSG005(string member)
    {
        var (diagnostic, _) = SingleDiagnostic(member);

        Assert.Equal("OSG005", diagnostic.Id);
        Assert.Contains("is [OneWay] but returns", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Private_nested_interface_is_OSG006()
    {
        var output = GeneratorHarness.Run("""
            namespace Shop;
            public class Holder
            {
                private interface IHiddenGrain : OrleansShop.Runtime.IGrainWithStringKey
                {
                    System.Threading.Tasks.Task RunAsync();
                }
            }
            """);

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        var marked = output.MarkedText(diagnostic);
        Assert.Equal("OSG006", diagnostic.Id);
        Assert.Equal("IHiddenGrain", marked);
        Assert.Empty(output.HintNames);
    }

    [Fact]
    public void File_local_interface_is_OSG006()
    {
        var (diagnostic, _) = SingleDiagnostic(string.Empty, interfaceModifiers: "file");

        Assert.Equal("OSG006", diagnostic.Id);
    }

    [Theory]
    [InlineData("Task Write(ReadOnlySpan<byte> bytes);", "System.ReadOnlySpan<byte>")]
    [InlineData("unsafe Task Poke(int* address);", "int*")]
    public void Ref_struct_or_pointer_parameter_is_OSG007(string member, string type)
    {
        var (diagnostic, _) = SingleDiagnostic(member);

        Assert.Equal("OSG007", diagnostic.Id);
        Assert.Contains($"has type '{type}'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_method_is_reported()
    {
        var output = GeneratorHarness.Run("""
            namespace Shop;
            public interface IBadGrain : OrleansShop.Runtime.IGrainWithStringKey
            {
                int Mixed<T>(ref int a, out int b);
            }
            """);

        Assert.Equal(["OSG001", "OSG002", "OSG002", "OSG003"], output.GeneratorDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bad_method_of_a_grain_base_interface_is_reported_once_where_it_is_declared()
    {
        var output = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            namespace Shop;
            public interface IBaseGrain : OrleansShop.Runtime.IGrainWithStringKey
            {
                int Count();
            }
            public interface IFirstGrain : IBaseGrain;
            public interface ISecondGrain : IBaseGrain;
            """);

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        var marked = output.MarkedText(diagnostic);
        Assert.Equal("Count", marked);
        Assert.Empty(output.HintNames);
    }

    [Fact]
    public void Bad_method_inherited_from_a_non_grain_interface_is_reported_on_the_grain_interface()
    {
        var output = GeneratorHarness.Run("""
            namespace Shop;
            public interface ICounter
            {
                int Count();
            }
            public interface ICounterGrain : OrleansShop.Runtime.IGrainWithStringKey, ICounter;
            """);

        var diagnostic = Assert.Single(output.GeneratorDiagnostics);
        var marked = output.MarkedText(diagnostic);
        Assert.Equal("OSG001", diagnostic.Id);
        Assert.Equal("ICounterGrain", marked);
        Assert.StartsWith("Grain method 'Shop.ICounter.Count' returns 'int'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Static_members_and_sealed_default_methods_are_not_grain_methods()
    {
        var output = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            namespace Shop;
            public interface ITidyGrain : OrleansShop.Runtime.IGrainWithStringKey
            {
                static int Limit => 3;
                static string Describe() => "tidy";
                sealed string Label() => "tidy";
                Task RunAsync();
            }
            """);

        Assert.Empty(output.GeneratorDiagnostics);
        Assert.Empty(output.CompilationProblems);
        Assert.DoesNotContain("Label", output.Source("Shop.ITidyGrain.g.cs"), StringComparison.Ordinal);
    }
}
