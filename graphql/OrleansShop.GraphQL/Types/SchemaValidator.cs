namespace OrleansShop.GraphQL.Types;

/// <summary>
/// The type system's validation rules (spec 3 "Type Validation" sub-sections; graphql-js <c>validateSchema</c>), run once when
/// a schema is built. Messages follow graphql-js and name the types, fields and arguments involved.
/// </summary>
internal static class SchemaValidator
{
    public static List<string> Validate(GraphQLSchema schema)
    {
        var errors = new List<string>();
        ValidateRoots(schema, errors);
        foreach (var directive in schema.Directives)
        {
            if (directive.IsSpecified)
            {
                continue;
            }

            ValidateName(directive.Name, "Directive \"@" + directive.Name + "\"", errors);
            if (directive.Locations.Count == 0)
            {
                errors.Add($"Directive @{directive.Name} must include 1 or more locations.");
            }

            ValidateArguments(directive.Arguments, "@" + directive.Name, errors);
        }

        foreach (var type in schema.Types)
        {
            if (!type.IsSpecified && !type.Name.StartsWith("__", StringComparison.Ordinal))
            {
                // fine
            }
            else if (type.Name.StartsWith("__", StringComparison.Ordinal) && !Introspection.IntrospectionTypes.IsIntrospectionType(type))
            {
                errors.Add($"Name \"{type.Name}\" must not begin with \"__\", which is reserved by GraphQL introspection.");
            }

            switch (type)
            {
                case ComplexType complex:
                    ValidateFields(complex, errors);
                    ValidateInterfaces(schema, complex, errors);
                    break;
                case UnionType union:
                    if (union.Types.Count == 0)
                    {
                        errors.Add($"Union type {union.Name} must define one or more member types.");
                    }

                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var member in union.Types)
                    {
                        if (!seen.Add(member.Name))
                        {
                            errors.Add($"Union type {union.Name} can only include type {member.Name} once.");
                        }
                    }

                    break;
                case EnumType enumType:
                    if (enumType.Values.Count == 0)
                    {
                        errors.Add($"Enum type {enumType.Name} must define one or more values.");
                    }

                    var names = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var value in enumType.Values)
                    {
                        if (value.Name is "true" or "false" or "null")
                        {
                            errors.Add($"Enum type {enumType.Name} cannot include value: {value.Name}.");
                        }

                        if (!names.Add(value.Name))
                        {
                            errors.Add($"Enum value \"{enumType.Name}.{value.Name}\" can only be defined once.");
                        }

                        ValidateName(value.Name, $"Enum value \"{enumType.Name}.{value.Name}\"", errors);
                    }

                    break;
                case InputObjectType input:
                    ValidateInputObject(input, errors);
                    break;
            }
        }

        ValidateInputObjectCycles(schema, errors);
        return errors;
    }

    private static void ValidateRoots(GraphQLSchema schema, List<string> errors)
    {
        var roots = new[] { schema.QueryType, schema.MutationType, schema.SubscriptionType };
        for (var i = 0; i < roots.Length; i++)
        {
            for (var j = i + 1; j < roots.Length; j++)
            {
                if (roots[i] is not null && ReferenceEquals(roots[i], roots[j]))
                {
                    errors.Add($"All root types must be different, \"{roots[i]!.Name}\" type is used as {Operation(i)} and {Operation(j)} root types.");
                }
            }
        }

        static string Operation(int index) => index switch { 0 => "query", 1 => "mutation", _ => "subscription" };
    }

    private static void ValidateName(string name, string what, List<string> errors)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            errors.Add($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection ({what}).");
        }
    }

    private static void ValidateFields(ComplexType type, List<string> errors)
    {
        if (type.Fields.Count == 0)
        {
            errors.Add($"Type {type.Name} must define one or more fields.");
        }

        foreach (var field in type.Fields)
        {
            ValidateName(field.Name, $"field \"{type.Name}.{field.Name}\"", errors);
            if (!field.Type.IsOutputType)
            {
                errors.Add($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.");
            }

            ValidateArguments(field.Arguments, type.Name + "." + field.Name, errors);
        }
    }

    private static void ValidateArguments(IReadOnlyList<InputValueDefinition> arguments, string owner, List<string> errors)
    {
        foreach (var argument in arguments)
        {
            ValidateName(argument.Name, $"argument \"{owner}({argument.Name}:)\"", errors);
            if (!argument.Type.IsInputType)
            {
                errors.Add($"The type of {owner}({argument.Name}:) must be Input Type but got: {argument.Type}.");
            }

            if (argument.IsRequired && argument.IsDeprecated)
            {
                errors.Add($"Required argument {owner}({argument.Name}:) cannot be deprecated.");
            }
        }
    }

    private static void ValidateInterfaces(GraphQLSchema schema, ComplexType type, List<string> errors)
    {
        foreach (var iface in type.Interfaces)
        {
            if (ReferenceEquals(iface, type))
            {
                errors.Add($"Type {type.Name} cannot implement itself because it would create a circular reference.");
                continue;
            }

            foreach (var transitive in iface.Interfaces)
            {
                if (!type.Implements(transitive))
                {
                    errors.Add(ReferenceEquals(transitive, type)
                        ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                        : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.");
                }
            }

            foreach (var ifaceField in iface.Fields)
            {
                var field = type.GetField(ifaceField.Name);
                if (field is null)
                {
                    errors.Add($"Interface field {iface.Name}.{ifaceField.Name} expected but {type.Name} does not provide it.");
                    continue;
                }

                if (!Utilities.TypeComparators.IsTypeSubTypeOf(schema, field.Type, ifaceField.Type))
                {
                    errors.Add($"Interface field {iface.Name}.{ifaceField.Name} expects type {ifaceField.Type} but {type.Name}.{field.Name} is type {field.Type}.");
                }

                foreach (var ifaceArgument in ifaceField.Arguments)
                {
                    var argument = field.GetArgument(ifaceArgument.Name);
                    if (argument is null)
                    {
                        errors.Add($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArgument.Name}:) expected but {type.Name}.{field.Name} does not provide it.");
                    }
                    else if (!Utilities.TypeComparators.IsEqualType(argument.Type, ifaceArgument.Type))
                    {
                        errors.Add($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArgument.Name}:) expects type {ifaceArgument.Type} but {type.Name}.{field.Name}({argument.Name}:) is type {argument.Type}.");
                    }
                }

                foreach (var argument in field.Arguments)
                {
                    if (argument.IsRequired && ifaceField.GetArgument(argument.Name) is null)
                    {
                        errors.Add($"Argument \"{type.Name}.{field.Name}({argument.Name}:)\" must not be required type \"{argument.Type}\" if not provided by the Interface field \"{iface.Name}.{ifaceField.Name}\".");
                    }
                }
            }
        }
    }

    private static void ValidateInputObject(InputObjectType input, List<string> errors)
    {
        if (input.Fields.Count == 0)
        {
            errors.Add($"Input Object type {input.Name} must define one or more fields.");
        }

        foreach (var field in input.Fields)
        {
            ValidateName(field.Name, $"input field \"{input.Name}.{field.Name}\"", errors);
            if (!field.Type.IsInputType)
            {
                errors.Add($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.");
            }

            if (field.IsRequired && field.IsDeprecated)
            {
                errors.Add($"Required input field {input.Name}.{field.Name} cannot be deprecated.");
            }

            if (input.IsOneOf)
            {
                if (field.Type.IsNonNull)
                {
                    errors.Add($"OneOf input field {input.Name}.{field.Name} must be nullable.");
                }

                if (field.HasDefaultValue)
                {
                    errors.Add($"OneOf input field {input.Name}.{field.Name} cannot have a default value.");
                }
            }
        }
    }

    // An input object may not reach itself through non-null singular fields: no finite value could be written (spec 3.10.1).
    private static void ValidateInputObjectCycles(GraphQLSchema schema, List<string> errors)
    {
        var visited = new HashSet<InputObjectType>();
        foreach (var type in schema.Types)
        {
            if (type is InputObjectType input && !visited.Contains(input))
            {
                var path = new List<string>();
                var onPath = new Dictionary<InputObjectType, int>();
                Visit(input, path, onPath, visited, errors);
            }
        }

        static void Visit(InputObjectType type, List<string> path, Dictionary<InputObjectType, int> onPath, HashSet<InputObjectType> visited, List<string> errors)
        {
            if (!visited.Add(type))
            {
                return;
            }

            onPath[type] = path.Count;
            foreach (var field in type.Fields)
            {
                if (field.Type is NonNullType { OfType: InputObjectType target })
                {
                    path.Add(type.Name + "." + field.Name);
                    if (onPath.TryGetValue(target, out var start))
                    {
                        errors.Add($"Cannot reference Input Object \"{target.Name}\" within itself through a series of non-null fields: \"{string.Join(", ", path.Skip(start).Select(p => p[(p.IndexOf('.', StringComparison.Ordinal) + 1)..]))}\".");
                    }
                    else
                    {
                        Visit(target, path, onPath, visited, errors);
                    }

                    path.RemoveAt(path.Count - 1);
                }
            }

            onPath.Remove(type);
        }
    }
}
