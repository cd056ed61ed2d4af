using System.Text.Json;

namespace OrleansShop.GraphQL.Tests.Conformance;

/// <summary>JSON value equality: numbers by value (<c>1</c> equals <c>1.0</c>), objects by members, optionally in order.</summary>
internal static class JsonEquality
{
    public static bool AreEqual(JsonElement expected, JsonElement actual, bool memberOrderMatters = false)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return false;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedMembers = expected.EnumerateObject().ToList();
                var actualMembers = actual.EnumerateObject().ToList();
                if (expectedMembers.Count != actualMembers.Count)
                {
                    return false;
                }

                for (int i = 0; i < expectedMembers.Count; i++)
                {
                    if (memberOrderMatters)
                    {
                        if (expectedMembers[i].Name != actualMembers[i].Name || !AreEqual(expectedMembers[i].Value, actualMembers[i].Value, memberOrderMatters))
                        {
                            return false;
                        }
                    }
                    else if (!actual.TryGetProperty(expectedMembers[i].Name, out var value) || !AreEqual(expectedMembers[i].Value, value, memberOrderMatters))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return false;
                }

                return expected.EnumerateArray().Zip(actual.EnumerateArray()).All(pair => AreEqual(pair.First, pair.Second, memberOrderMatters));
            case JsonValueKind.Number:
                return expected.GetDouble() == actual.GetDouble();
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString();
            default:
                return true;
        }
    }
}
