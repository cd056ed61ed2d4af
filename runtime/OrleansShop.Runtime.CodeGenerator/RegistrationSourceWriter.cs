using System.Collections.Generic;
using System.Linq;
using System.Text;
using OrleansShop.Runtime.CodeGenerator.Model;

namespace OrleansShop.Runtime.CodeGenerator;

/// <summary>
/// Writes the module initializer that registers every proxy of the assembly with GrainProxyRegistry and every
/// request with GrainRequestRegistry.
/// </summary>
internal static class RegistrationSourceWriter
{
    public const string HintName = "GrainProxyRegistration.g.cs";

    public static string Write(string? assemblyName, IEnumerable<GrainInterfaceModel> interfaces)
    {
        var writer = new CodeWriter();
        writer.Line(ProxySourceWriter.Header).Line(ProxySourceWriter.Preamble);

        // CA2255 warns against module initializers in libraries; registering generated code is the case they exist for.
        writer.Line("#pragma warning disable CA2255").Line();
        writer.Open("namespace " + KnownTypes.GeneratedNamespaceRoot);
        writer.Line(ProxySourceWriter.GeneratedCodeAttribute);

        // The class name carries the assembly name: two assemblies that see each other's internals would otherwise
        // both declare the same internal type and fail with CS0436.
        writer.Open("internal static class " + ClassName(assemblyName));
        writer.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.Open("internal static void Register()");
        foreach (var model in interfaces.OrderBy(m => m.InterfaceType, System.StringComparer.Ordinal))
        {
            writer.Line($"{KnownTypes.GrainProxyRegistry}.Register(typeof({model.InterfaceType}), static (grainId, runtime) => new {model.QualifiedProxyName}(grainId, runtime));");
        }

        foreach (var model in interfaces.OrderBy(m => m.InterfaceType, System.StringComparer.Ordinal))
        {
            foreach (var method in model.Methods)
            {
                writer.Line($"{KnownTypes.GrainRequestRegistry}.Register(typeof({method.DeclaringInterface}), {ProxySourceWriter.Literal(method.Name)}, {ProxySourceWriter.ParameterTypeArray(method)}, global::{model.GeneratedNamespace}.{method.RequestName}.Create);");
            }
        }

        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    public static string ClassName(string? assemblyName)
    {
        var name = new StringBuilder("GrainProxyRegistration_");
        foreach (var c in assemblyName ?? string.Empty)
        {
            name.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return name.ToString();
    }
}
