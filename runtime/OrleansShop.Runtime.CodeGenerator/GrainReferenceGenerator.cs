using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using OrleansShop.Runtime.CodeGenerator.Model;

namespace OrleansShop.Runtime.CodeGenerator;

/// <summary>
/// Generates, for every grain interface in the compilation, a proxy deriving GrainReference, one request class per
/// method, and a module initializer that registers the proxies with GrainProxyRegistry.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrainReferenceGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Any interface with a base list may derive from IGrain, directly or through another interface, so the
        // syntax predicate cannot be narrower; the semantic step decides and yields value-comparable models.
        var interfaces = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => GrainInterfaceModelBuilder.IsCandidate(node),
                static (syntax, cancellationToken) => GrainInterfaceModelBuilder.Build(syntax, cancellationToken))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!);

        context.RegisterSourceOutput(interfaces, static (output, model) =>
        {
            foreach (var diagnostic in model.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (model.CanGenerate)
            {
                output.AddSource(model.HintName, ProxySourceWriter.Write(model));
            }
        });

        var registrations = interfaces
            .Where(static model => model.CanGenerate)
            .Collect()
            .Combine(context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName));

        context.RegisterSourceOutput(registrations, static (output, input) =>
        {
            var (models, assemblyName) = input;
            if (!models.IsEmpty)
            {
                output.AddSource(RegistrationSourceWriter.HintName, RegistrationSourceWriter.Write(assemblyName, models));
            }
        });
    }
}
