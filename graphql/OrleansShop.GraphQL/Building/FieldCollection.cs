namespace OrleansShop.GraphQL.Building;

/// <summary>The fields a type descriptor has collected, in definition order; asking twice for a name returns the same descriptor.</summary>
internal sealed class FieldCollection
{
    private readonly List<FieldDescriptor> _fields = [];

    public IReadOnlyList<FieldDescriptor> Items => _fields;

    public FieldDescriptor GetOrAdd(string name)
    {
        foreach (var field in _fields)
        {
            if (field.NameValue == name)
            {
                return field;
            }
        }

        var created = new FieldDescriptor(name);
        _fields.Add(created);
        return created;
    }

    public FieldDescriptor? Find(string name)
    {
        foreach (var field in _fields)
        {
            if (field.NameValue == name)
            {
                return field;
            }
        }

        return null;
    }

    public void Add(FieldDescriptor field) => _fields.Add(field);
}
