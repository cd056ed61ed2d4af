namespace OrleansShop.GraphQL.Types;

/// <summary>Checks the lexical form of names (spec 2.1.9 Names) when a type system element is created.</summary>
internal static class NameValidator
{
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var ok = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    public static void EnsureValid(string name)
    {
        if (!IsValid(name))
        {
            throw new SchemaException($"Names must only contain [_a-zA-Z0-9] and not start with a digit, but \"{name}\" does not.");
        }
    }
}
