namespace OrleansShop.Runtime.CodeGenerator.Model;

/// <param name="Name">The method's metadata name: what <c>GrainRequest.MethodName</c> reports and reflection looks up.</param>
/// <param name="InvocationName">The name as written in C# (keywords escaped with @).</param>
/// <param name="DeclaringInterface">The fully qualified interface that declares the method (a base interface for inherited methods).</param>
/// <param name="RequestName">The generated request class, unique within its interface even across overloads.</param>
/// <param name="ReturnType">The declared return type, fully qualified.</param>
/// <param name="ResultType">The request's TResult: the task's type argument, or Unit for Task and ValueTask.</param>
internal sealed record GrainMethodModel(
    string Name,
    string InvocationName,
    string DeclaringInterface,
    string RequestName,
    GrainReturnKind ReturnKind,
    string ReturnType,
    string ResultType,
    bool IsReadOnly,
    bool IsAlwaysInterleave,
    bool IsOneWay,
    EquatableArray<GrainParameterModel> Parameters);
