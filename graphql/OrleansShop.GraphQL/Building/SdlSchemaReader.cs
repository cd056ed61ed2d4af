using System.Globalization;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;

namespace OrleansShop.GraphQL.Building;

/// <summary>Reads SDL type system definitions and extensions into descriptors, so SDL and code-first types build the same way.</summary>
internal static class SdlSchemaReader
{
    public static void Read(
        DocumentNode document,
        List<object> types,
        List<DirectiveTypeDescriptor> directives,
        ref RootTypeNames roots,
        List<AppliedDirective> schemaDirectives,
        ref string? description)
    {
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode schema:
                    description = schema.Description?.Value ?? description;
                    schemaDirectives.AddRange(Applied(schema.Directives));
                    ReadRoots(schema.OperationTypes, ref roots);
                    break;
                case TypeDefinitionNode type:
                    if (ReadType(type) is { } descriptor)
                    {
                        types.Add(descriptor);
                    }

                    break;
                case DirectiveDefinitionNode directive:
                    directives.Add(ReadDirective(directive));
                    break;
                case ExecutableDefinitionNode executable:
                    throw new SchemaException($"The SDL document must not contain operations or fragments, but contains a {executable.Kind}.");
            }
        }

        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case SchemaExtensionNode schemaExtension:
                    schemaDirectives.AddRange(Applied(schemaExtension.Directives));
                    ReadRoots(schemaExtension.OperationTypes, ref roots);
                    break;
                case TypeExtensionNode extension:
                    Extend(extension, types);
                    break;
            }
        }
    }

    private static void ReadRoots(IReadOnlyList<OperationTypeDefinitionNode> operationTypes, ref RootTypeNames roots)
    {
        foreach (var operationType in operationTypes)
        {
            var name = operationType.Type.Name.Value;
            roots = operationType.Operation switch
            {
                OperationType.Query => roots with { Query = name },
                OperationType.Mutation => roots with { Mutation = name },
                _ => roots with { Subscription = name },
            };
        }
    }

    private static object? ReadType(TypeDefinitionNode node)
    {
        var name = node.Name.Value;
        var description = node.Description?.Value;
        switch (node)
        {
            case ScalarTypeDefinitionNode:
                foreach (var builtIn in new[] { ScalarType.Int, ScalarType.Float, ScalarType.String, ScalarType.Boolean, ScalarType.ID })
                {
                    if (builtIn.Name == name)
                    {
                        return null;
                    }
                }

                var specifiedBy = StringArgument(node.Directives, "specifiedBy", "url");
                var scalar = new DelegateScalarType(name, description, specifiedBy, value => value, value => value) { ParsesLiteralsUntyped = true };
                scalar.Directives = Applied(node.Directives, "specifiedBy");
                return scalar;
            case ObjectTypeDefinitionNode objectNode:
                var objectType = new ObjectTypeDescriptor(name);
                objectType.Description(description);
                AddFields(objectType.FieldsValue, objectNode.Fields);
                objectType.InterfacesValue.AddRange(objectNode.Interfaces.Select(i => (TypeReference)new SyntaxTypeReference(i)));
                objectType.DirectivesValue.AddRange(Applied(objectNode.Directives));
                return objectType;
            case InterfaceTypeDefinitionNode interfaceNode:
                var interfaceType = new InterfaceTypeDescriptor(name, null);
                interfaceType.Description(description);
                AddFields(interfaceType.FieldsValue, interfaceNode.Fields);
                interfaceType.InterfacesValue.AddRange(interfaceNode.Interfaces.Select(i => (TypeReference)new SyntaxTypeReference(i)));
                interfaceType.DirectivesValue.AddRange(Applied(interfaceNode.Directives));
                return interfaceType;
            case UnionTypeDefinitionNode unionNode:
                var union = new UnionTypeDescriptor(name);
                union.Description(description);
                union.TypesValue.AddRange(unionNode.Types.Select(t => (TypeReference)new SyntaxTypeReference(t)));
                union.DirectivesValue.AddRange(Applied(unionNode.Directives));
                return union;
            case EnumTypeDefinitionNode enumNode:
                var enumType = new EnumTypeDescriptor(name);
                enumType.Description(description);
                AddEnumValues(enumType, enumNode.Values);
                enumType.DirectivesValue.AddRange(Applied(enumNode.Directives));
                return enumType;
            case InputObjectTypeDefinitionNode inputNode:
                var input = new InputObjectTypeDescriptor(name);
                input.Description(description);
                input.FieldsValue.AddRange(inputNode.Fields.Select(ReadInputValue));
                if (HasDirective(inputNode.Directives, "oneOf"))
                {
                    input.OneOf();
                }

                input.DirectivesValue.AddRange(Applied(inputNode.Directives, "oneOf"));
                return input;
            default:
                return null;
        }
    }

    private static void Extend(TypeExtensionNode extension, List<object> types)
    {
        var name = extension.Name.Value;
        var target = types.FirstOrDefault(t => t switch
        {
            ObjectTypeDescriptor o => o.NameValue == name,
            InterfaceTypeDescriptor i => i.NameValue == name,
            UnionTypeDescriptor u => u.NameValue == name,
            EnumTypeDescriptor e => e.NameValue == name,
            InputObjectTypeDescriptor input => input.NameValue == name,
            ScalarType s => s.Name == name,
            _ => false,
        }) ?? throw new SchemaException($"Cannot extend type \"{name}\" because it is not defined.");
        switch ((extension, target))
        {
            case (ObjectTypeExtensionNode node, ObjectTypeDescriptor descriptor):
                AddFields(descriptor.FieldsValue, node.Fields);
                descriptor.InterfacesValue.AddRange(node.Interfaces.Select(i => (TypeReference)new SyntaxTypeReference(i)));
                descriptor.DirectivesValue.AddRange(Applied(node.Directives));
                break;
            case (InterfaceTypeExtensionNode node, InterfaceTypeDescriptor descriptor):
                AddFields(descriptor.FieldsValue, node.Fields);
                descriptor.InterfacesValue.AddRange(node.Interfaces.Select(i => (TypeReference)new SyntaxTypeReference(i)));
                descriptor.DirectivesValue.AddRange(Applied(node.Directives));
                break;
            case (UnionTypeExtensionNode node, UnionTypeDescriptor descriptor):
                descriptor.TypesValue.AddRange(node.Types.Select(t => (TypeReference)new SyntaxTypeReference(t)));
                descriptor.DirectivesValue.AddRange(Applied(node.Directives));
                break;
            case (EnumTypeExtensionNode node, EnumTypeDescriptor descriptor):
                AddEnumValues(descriptor, node.Values);
                descriptor.DirectivesValue.AddRange(Applied(node.Directives));
                break;
            case (InputObjectTypeExtensionNode node, InputObjectTypeDescriptor descriptor):
                descriptor.FieldsValue.AddRange(node.Fields.Select(ReadInputValue));
                if (HasDirective(node.Directives, "oneOf"))
                {
                    descriptor.OneOf();
                }

                descriptor.DirectivesValue.AddRange(Applied(node.Directives, "oneOf"));
                break;
            case (ScalarTypeExtensionNode, ScalarType):
                break;
            default:
                throw new SchemaException($"Cannot extend non-{extension.Kind.ToString().Replace("Extension", string.Empty, StringComparison.Ordinal)} type \"{name}\".");
        }
    }

    private static void AddFields(FieldCollection fields, IReadOnlyList<FieldDefinitionNode> nodes)
    {
        foreach (var node in nodes)
        {
            var field = new FieldDescriptor(node.Name.Value) { TypeValue = new SyntaxTypeReference(node.Type) };
            field.Description(node.Description?.Value);
            field.ArgumentsValue.AddRange(node.Arguments.Select(ReadInputValue));
            field.DeprecationReasonValue = DeprecationReason(node.Directives);
            field.DirectivesValue.AddRange(Applied(node.Directives, "deprecated"));
            fields.Add(field);
        }
    }

    private static void AddEnumValues(EnumTypeDescriptor enumType, IReadOnlyList<EnumValueDefinitionNode> values)
    {
        foreach (var valueNode in values)
        {
            var value = enumType.Value(valueNode.Name.Value);
            value.Description(valueNode.Description?.Value);
            value.DeprecationReasonValue = DeprecationReason(valueNode.Directives);
            value.DirectivesValue.AddRange(Applied(valueNode.Directives, "deprecated"));
        }
    }

    private static InputValueDescriptor ReadInputValue(InputValueDefinitionNode node)
    {
        var value = new InputValueDescriptor(node.Name.Value) { TypeValue = new SyntaxTypeReference(node.Type) };
        value.Description(node.Description?.Value);
        if (node.DefaultValue is not null)
        {
            value.SetDefaultLiteral(node.DefaultValue);
        }

        value.DeprecationReasonValue = DeprecationReason(node.Directives);
        value.DirectivesValue.AddRange(Applied(node.Directives, "deprecated"));
        return value;
    }

    private static DirectiveTypeDescriptor ReadDirective(DirectiveDefinitionNode node)
    {
        var directive = new DirectiveTypeDescriptor(node.Name.Value);
        directive.Description(node.Description?.Value);
        foreach (var location in node.Locations)
        {
            if (!DirectiveLocations.TryParse(location.Value, out var parsed))
            {
                throw new SchemaException($"Unknown directive location \"{location.Value}\" on \"@{node.Name.Value}\".");
            }

            directive.Location(parsed);
        }

        directive.ArgumentsValue.AddRange(node.Arguments.Select(ReadInputValue));
        if (node.Repeatable)
        {
            directive.Repeatable();
        }

        return directive;
    }

    private static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        if (!HasDirective(directives, "deprecated"))
        {
            return null;
        }

        return StringArgument(directives, "deprecated", "reason") ?? SpecifiedDirectives.DefaultDeprecationReason;
    }

    private static bool HasDirective(IReadOnlyList<DirectiveNode> directives, string name) => directives.Any(d => d.Name.Value == name);

    private static string? StringArgument(IReadOnlyList<DirectiveNode> directives, string directive, string argument) =>
        directives.FirstOrDefault(d => d.Name.Value == directive)?.Arguments.FirstOrDefault(a => a.Name.Value == argument)?.Value is StringValueNode s
            ? s.Value
            : null;

    private static List<AppliedDirective> Applied(IReadOnlyList<DirectiveNode> directives, params string[] handled)
    {
        var result = new List<AppliedDirective>();
        foreach (var directive in directives)
        {
            if (Array.IndexOf(handled, directive.Name.Value) >= 0)
            {
                continue;
            }

            var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var argument in directive.Arguments)
            {
                arguments[argument.Name.Value] = Literal(argument.Value);
            }

            result.Add(new AppliedDirective(directive.Name.Value, arguments));
        }

        return result;
    }

    private static object? Literal(ValueNode node) => node switch
    {
        IntValueNode i => int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : double.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        StringValueNode s => s.Value,
        BooleanValueNode b => b.Value,
        EnumValueNode e => e.Value,
        ListValueNode l => l.Values.Select(Literal).ToList(),
        ObjectValueNode o => o.Fields.ToDictionary(f => f.Name.Value, f => Literal(f.Value)),
        _ => null,
    };
}
