using System.Linq;
using Microsoft.CodeAnalysis;

namespace OrleansShop.Runtime.CodeGenerator;

/// <summary>How the generator spells types in the code it writes.</summary>
internal static class TypeNames
{
    /// <summary>
    /// Fully qualified with <c>global::</c> and with nullable annotations and tuple element names kept, because
    /// an explicit interface implementation must repeat the interface's signature exactly or the compiler warns
    /// (nullability) or fails (tuple names).
    /// </summary>
    public static readonly SymbolDisplayFormat SignatureFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string ForSignature(ITypeSymbol type) => type.ToDisplayString(SignatureFormat);

    /// <summary>
    /// The type as <c>typeof</c> accepts it: <c>typeof(string?)</c> does not compile and <c>dynamic</c> is
    /// <c>object</c> at run time, so annotations and tuple names are dropped all the way down.
    /// </summary>
    public static string ForTypeOf(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return ForTypeOf(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]";
            case IPointerTypeSymbol pointer:
                return ForTypeOf(pointer.PointedAtType) + "*";
            case IDynamicTypeSymbol:
                return "object";
            case INamedTypeSymbol { IsTupleType: true } tuple:
                return "(" + string.Join(", ", tuple.TupleElements.Select(e => ForTypeOf(e.Type))) + ")";
            case INamedTypeSymbol named when named.SpecialType != SpecialType.None:
                return named.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            case INamedTypeSymbol named:
                var prefix = named.ContainingType is { } containing
                    ? ForTypeOf(containing) + "."
                    : named.ContainingNamespace is { IsGlobalNamespace: false } ns
                        ? ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "."
                        : "global::";
                var name = prefix + Identifier(named.Name);
                return named.TypeArguments.Length == 0
                    ? name
                    : name + "<" + string.Join(", ", named.TypeArguments.Select(ForTypeOf)) + ">";
            default:
                return type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        }
    }

    /// <summary>Escapes reserved keywords so that <c>event</c> becomes <c>@event</c>.</summary>
    public static string Identifier(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;
}
