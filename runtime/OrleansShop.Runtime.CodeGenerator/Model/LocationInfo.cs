using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace OrleansShop.Runtime.CodeGenerator.Model;

/// <summary>
/// A source location without the syntax tree behind it: keeping a <see cref="Location"/> in a cached model would
/// hold every old tree alive and break value equality between generator runs.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location is { IsInSource: true } ? new LocationInfo(location.SourceTree!.FilePath, location.SourceSpan, location.GetLineSpan().Span) : null;

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
