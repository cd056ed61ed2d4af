namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks this marker, which the compiler needs for records and init accessors.
internal static class IsExternalInit
{
}
