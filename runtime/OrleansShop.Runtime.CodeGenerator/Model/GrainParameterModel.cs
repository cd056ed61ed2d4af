namespace OrleansShop.Runtime.CodeGenerator.Model;

/// <param name="Name">The parameter name as written in C# (keywords escaped with @).</param>
/// <param name="Type">The fully qualified type, with nullable annotations, for signatures and fields.</param>
/// <param name="RuntimeType">The same type as <c>typeof</c> accepts it: no nullable annotations, no tuple names.</param>
internal sealed record GrainParameterModel(string Name, string Type, string RuntimeType);
