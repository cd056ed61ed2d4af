using Microsoft.CodeAnalysis;

namespace OrleansShop.Runtime.CodeGenerator.Tests.Generation;

internal sealed record GeneratorOutput(GeneratorRunResult Result, Compilation Compilation)
{
    public IEnumerable<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>Everything the compiler has to say about the sample plus the generated code, hidden and info excluded.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public string Source(string hintName) =>
        Result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>
    /// The source text a diagnostic points at. Generator diagnostics carry a file path and span rather than a tree,
    /// so the text is looked up in the compilation.
    /// </summary>
    public string MarkedText(Diagnostic diagnostic) =>
        Compilation.SyntaxTrees.Single(t => t.FilePath == diagnostic.Location.GetLineSpan().Path).GetText().ToString(diagnostic.Location.SourceSpan);

    public IEnumerable<string> HintNames => Result.GeneratedSources.Select(s => s.HintName);
}
