using System.Text.RegularExpressions;

namespace OrleansShop.Api.Protocol.Tests.Hostile;

/// <summary>Signs of a .NET stack trace or exception in a response body, which a client must never see.</summary>
internal static partial class StackTraces
{
    public static bool In(string body) => Trace().IsMatch(body);

    // A frame ("at Namespace.Type.Method("), a source line (".cs:line 12") or an exception type name.
    [GeneratedRegex(@"\bat [A-Za-z_][\w.`<>]*\(|\.cs:line \d+|\b[A-Z]\w*Exception\b")]
    private static partial Regex Trace();
}
