using Microsoft.CodeAnalysis;

namespace OrleansShop.Runtime.CodeGenerator;

/// <summary>
/// Grain interface shapes the generated proxy cannot carry. All are errors: a grain call crosses an
/// asynchronous (and later a process) boundary, so anything that needs a synchronous answer or a shared
/// reference to the caller's memory cannot work, and silently skipping the method would fail at run time.
/// </summary>
internal static class GrainDiagnostics
{
    private const string Category = "OrleansShop.CodeGenerator";

    public static readonly DiagnosticDescriptor UnsupportedReturnType = new(
        "OSG001",
        "Grain method has an unsupported return type",
        "Grain method '{0}.{1}' returns '{2}'; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ByReferenceParameter = new(
        "OSG002",
        "Grain method parameter is passed by reference",
        "Parameter '{2}' of grain method '{0}.{1}' is declared '{3}'; grain calls copy their arguments, so ref, out and in parameters are not supported",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GenericMethod = new(
        "OSG003",
        "Grain method is generic",
        "Grain method '{0}.{1}' has type parameters; generic grain methods are not supported",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NonMethodMember = new(
        "OSG004",
        "Grain interface declares a property or event",
        "Grain interface '{0}' declares the {1} '{2}'; grain interfaces may only declare methods returning Task, Task<T>, ValueTask or ValueTask<T>",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OneWayWithResult = new(
        "OSG005",
        "One-way grain method returns a value",
        "Grain method '{0}.{1}' is [OneWay] but returns '{2}'; the caller of a one-way call never receives a result, so it must return Task or ValueTask",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InaccessibleInterface = new(
        "OSG006",
        "Grain interface is not accessible to its generated proxy",
        "Grain interface '{0}' is private, protected or file-local; make it public or internal so that a proxy can implement it",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedParameterType = new(
        "OSG007",
        "Grain method parameter type cannot be stored in a request",
        "Parameter '{2}' of grain method '{0}.{1}' has type '{3}'; ref structs and pointers cannot be kept in a grain request",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
