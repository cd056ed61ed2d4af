using System.Collections;
using System.Reflection;
using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Tests.Language;

/// <summary>Structural equality of ASTs, ignoring locations (reflection is fine in tests).</summary>
internal static class SyntaxAssert
{
    public static void Equal(SyntaxNode expected, SyntaxNode actual)
    {
        string? difference = FindDifference(expected, actual, "$");
        Assert.True(difference is null, difference);
    }

    private static string? FindDifference(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}";
        }

        if (expected.GetType() != actual.GetType())
        {
            return $"{path}: expected a {expected.GetType().Name}, got a {actual.GetType().Name}";
        }

        if (expected is SyntaxNode)
        {
            foreach (PropertyInfo property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.Name is nameof(SyntaxNode.Location) or nameof(DocumentNode.TokenCount))
                {
                    continue;
                }

                string? difference = FindDifference(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name);
                if (difference is not null)
                {
                    return difference;
                }
            }

            return null;
        }

        if (expected is IList expectedList && actual is IList actualList)
        {
            if (expectedList.Count != actualList.Count)
            {
                return $"{path}: expected {expectedList.Count} items, got {actualList.Count}";
            }

            for (int i = 0; i < expectedList.Count; i++)
            {
                string? difference = FindDifference(expectedList[i], actualList[i], $"{path}[{i}]");
                if (difference is not null)
                {
                    return difference;
                }
            }

            return null;
        }

        return Equals(expected, actual) ? null : $"{path}: expected {expected}, got {actual}";
    }
}
