using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OrleansShop.Runtime.CodeGenerator.Model;

namespace OrleansShop.Runtime.CodeGenerator;

/// <summary>The semantic step of the pipeline: turns one interface declaration into a symbol-free model.</summary>
internal static class GrainInterfaceModelBuilder
{
    private static readonly string[] RuntimeMarkers = ["IGrain", "IGrainWithStringKey", "IGrainWithGuidKey", "IGrainWithIntegerKey"];

    public static bool IsCandidate(SyntaxNode node) =>
        node is InterfaceDeclarationSyntax { BaseList.Types.Count: > 0 };

    public static GrainInterfaceModel? Build(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (InterfaceDeclarationSyntax)context.Node;
        if (context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol symbol
            || !IsGrainInterface(symbol)
            || IsRuntimeMarker(symbol)
            || !IsPrimaryDeclaration(symbol, declaration))
        {
            return null;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var methods = new List<IMethodSymbol>();
        var supported = true;
        var interfaceLocation = declaration.Identifier.GetLocation();

        foreach (var declaringInterface in new[] { symbol }.Concat(symbol.AllInterfaces))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsRuntimeMarker(declaringInterface) || declaringInterface.GetMembers().IsEmpty)
            {
                continue;
            }

            // Each grain interface declared in this compilation reports its own members where they are written; an
            // inherited member is reported here, on the deriving interface, only when nobody else will report it.
            var isOwn = SymbolEqualityComparer.Default.Equals(declaringInterface, symbol);
            var reportedElsewhere = !isOwn && IsGrainInterface(declaringInterface) && !declaringInterface.OriginalDefinition.DeclaringSyntaxReferences.IsEmpty;

            foreach (var member in declaringInterface.GetMembers())
            {
                if (member.IsStatic)
                {
                    continue;
                }

                var problems = member switch
                {
                    IMethodSymbol { MethodKind: MethodKind.Ordinary } method when method.IsAbstract || method.IsVirtual => Validate(method),
                    IPropertySymbol property => [DiagnosticInfo.Create(GrainDiagnostics.NonMethodMember, property.Locations.FirstOrDefault(), Display(declaringInterface), "property", property.Name)],
                    IEventSymbol @event => [DiagnosticInfo.Create(GrainDiagnostics.NonMethodMember, @event.Locations.FirstOrDefault(), Display(declaringInterface), "event", @event.Name)],
                    _ => null,
                };

                if (problems is null)
                {
                    continue;
                }

                if (problems.Count == 0)
                {
                    methods.Add((IMethodSymbol)member);
                    continue;
                }

                supported = false;
                if (isOwn)
                {
                    diagnostics.AddRange(problems);
                }
                else if (!reportedElsewhere)
                {
                    diagnostics.AddRange(problems.Select(p => p with { Location = LocationInfo.From(interfaceLocation) }));
                }
            }
        }

        if (!IsAccessible(symbol))
        {
            diagnostics.Add(DiagnosticInfo.Create(GrainDiagnostics.InaccessibleInterface, interfaceLocation, Display(symbol)));
            supported = false;
        }

        // An open generic interface cannot be registered as a single proxy factory, so it gets none; closed interfaces
        // deriving from it do, and carry its methods.
        var isGeneric = symbol.IsGenericType || ContainingTypes(symbol).Any(t => t.IsGenericType);

        var flatName = string.Join("_", ContainingTypes(symbol).Reverse().Select(t => t.Name).Concat([symbol.Name]));
        var namespaceName = symbol.ContainingNamespace.IsGlobalNamespace
            ? string.Empty
            : symbol.ContainingNamespace.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Substring("global::".Length);
        var generatedNamespace = namespaceName.Length == 0 ? KnownTypes.GeneratedNamespaceRoot : KnownTypes.GeneratedNamespaceRoot + "." + namespaceName;
        var hintName = (namespaceName.Length == 0 ? string.Empty : namespaceName.Replace("@", string.Empty) + ".") + flatName + ".g.cs";

        return new GrainInterfaceModel(
            TypeNames.ForSignature(symbol),
            generatedNamespace,
            "Proxy_" + flatName,
            hintName,
            supported && !isGeneric,
            new EquatableArray<GrainMethodModel>(supported && !isGeneric ? BuildMethods(flatName, methods) : []),
            new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
    }

    private static GrainMethodModel[] BuildMethods(string flatName, List<IMethodSymbol> methods)
    {
        // Overloads, and same-named methods from different base interfaces, need distinct request classes.
        var nameCounts = methods.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Count());
        var nameOrdinals = new Dictionary<string, int>();
        var result = new GrainMethodModel[methods.Count];
        for (var i = 0; i < methods.Count; i++)
        {
            var method = methods[i];
            var requestName = "Request_" + flatName + "_" + method.Name;
            if (nameCounts[method.Name] > 1)
            {
                nameOrdinals.TryGetValue(method.Name, out var ordinal);
                nameOrdinals[method.Name] = ordinal + 1;
                requestName += "_" + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var returnType = (INamedTypeSymbol)method.ReturnType;
            var kind = ClassifyReturn(returnType)!.Value;
            var resultType = kind is GrainReturnKind.TaskOfT or GrainReturnKind.ValueTaskOfT
                ? TypeNames.ForSignature(returnType.TypeArguments[0])
                : KnownTypes.Unit;

            result[i] = new GrainMethodModel(
                method.Name,
                TypeNames.Identifier(method.Name),
                TypeNames.ForSignature(method.ContainingType),
                requestName,
                kind,
                TypeNames.ForSignature(returnType),
                resultType,
                HasAttribute(method, "ReadOnlyAttribute"),
                HasAttribute(method, "AlwaysInterleaveAttribute"),
                HasAttribute(method, "OneWayAttribute"),
                new EquatableArray<GrainParameterModel>(method.Parameters
                    .Select(p => new GrainParameterModel(TypeNames.Identifier(p.Name), TypeNames.ForSignature(p.Type), TypeNames.ForTypeOf(p.Type)))
                    .ToArray()));
        }

        return result;
    }

    private static List<DiagnosticInfo> Validate(IMethodSymbol method)
    {
        var problems = new List<DiagnosticInfo>();
        var location = method.Locations.FirstOrDefault();
        var interfaceName = Display(method.ContainingType);

        if (method.IsGenericMethod)
        {
            problems.Add(DiagnosticInfo.Create(GrainDiagnostics.GenericMethod, location, interfaceName, method.Name));
        }

        var kind = ClassifyReturn(method.ReturnType);
        if (kind is null)
        {
            problems.Add(DiagnosticInfo.Create(GrainDiagnostics.UnsupportedReturnType, location, interfaceName, method.Name, method.ReturnType.ToDisplayString()));
        }
        else if (kind is GrainReturnKind.TaskOfT or GrainReturnKind.ValueTaskOfT && HasAttribute(method, "OneWayAttribute"))
        {
            problems.Add(DiagnosticInfo.Create(GrainDiagnostics.OneWayWithResult, location, interfaceName, method.Name, method.ReturnType.ToDisplayString()));
        }

        foreach (var parameter in method.Parameters)
        {
            var parameterLocation = parameter.Locations.FirstOrDefault() ?? location;
            if (parameter.RefKind != RefKind.None)
            {
                problems.Add(DiagnosticInfo.Create(GrainDiagnostics.ByReferenceParameter, parameterLocation, interfaceName, method.Name, parameter.Name, RefKindText(parameter.RefKind)));
            }
            else if (parameter.Type.IsRefLikeType || parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            {
                problems.Add(DiagnosticInfo.Create(GrainDiagnostics.UnsupportedParameterType, parameterLocation, interfaceName, method.Name, parameter.Name, parameter.Type.ToDisplayString()));
            }
        }

        return problems;
    }

    private static GrainReturnKind? ClassifyReturn(ITypeSymbol type)
    {
        // A Task? return would let a grain hand back no task at all, which no caller can await.
        if (type.NullableAnnotation == NullableAnnotation.Annotated || type is not INamedTypeSymbol { ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } } named)
        {
            return null;
        }

        return (named.Name, named.Arity) switch
        {
            ("Task", 0) => GrainReturnKind.Task,
            ("Task", 1) => GrainReturnKind.TaskOfT,
            ("ValueTask", 0) => GrainReturnKind.ValueTask,
            ("ValueTask", 1) => GrainReturnKind.ValueTaskOfT,
            _ => null,
        };
    }

    private static string RefKindText(RefKind kind) => kind switch
    {
        RefKind.Ref => "ref",
        RefKind.Out => "out",
        RefKind.In => "in",
        _ => "ref readonly",
    };

    private static bool HasAttribute(IMethodSymbol method, string name) =>
        method.GetAttributes().Any(a => a.AttributeClass is { } type && type.Name == name && type.ContainingNamespace.ToDisplayString() == KnownTypes.ConcurrencyNamespace);

    private static bool IsGrainInterface(INamedTypeSymbol symbol) =>
        symbol.TypeKind == TypeKind.Interface && symbol.AllInterfaces.Any(i => i.Name == "IGrain" && i.Arity == 0 && IsInRuntimeNamespace(i));

    private static bool IsRuntimeMarker(INamedTypeSymbol symbol) =>
        symbol.Arity == 0 && RuntimeMarkers.Contains(symbol.Name) && IsInRuntimeNamespace(symbol);

    private static bool IsInRuntimeNamespace(INamedTypeSymbol symbol) =>
        symbol.ContainingNamespace is { Name: "Runtime", ContainingNamespace: { Name: "OrleansShop", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>
    /// A partial interface is seen once per declaration that has a base list; only the first of those builds the
    /// model, so the proxy is generated once.
    /// </summary>
    private static bool IsPrimaryDeclaration(INamedTypeSymbol symbol, InterfaceDeclarationSyntax declaration)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is InterfaceDeclarationSyntax candidate && IsCandidate(candidate))
            {
                return candidate == declaration;
            }
        }

        return false;
    }

    private static bool IsAccessible(INamedTypeSymbol symbol)
    {
        if (symbol.IsFileLocal)
        {
            return false;
        }

        for (INamedTypeSymbol? type = symbol; type is not null; type = type.ContainingType)
        {
            if (type.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<INamedTypeSymbol> ContainingTypes(INamedTypeSymbol symbol)
    {
        for (var type = symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            yield return type;
        }
    }

    private static string Display(INamedTypeSymbol symbol) => symbol.ToDisplayString();
}
