using System.Buffers;
using System.Runtime.CompilerServices;

namespace OrleansShop.GraphQL.Language;

/// <summary>
/// Recursive descent over the grammar of spec chapter 2 (and the type system grammar of chapter 3),
/// with graphql-js's error messages. One instance parses one source; lists are gathered on a
/// pooled scratch stack and copied once into exact-size arrays.
/// </summary>
internal ref struct Utf8GraphQLParser
{
    private Lexer _lexer;
    private readonly ParserOptions _options;
    private readonly NameTable _names;
    private int _tokenCount;
    private int _depth;
    private int _lastEnd;
    private SyntaxNode[] _stack;
    private int _stackTop;

    public Utf8GraphQLParser(ReadOnlySpan<byte> source, ParserOptions options)
    {
        _lexer = new Lexer(source);
        _options = options;
        _names = NameTable.Current;
        _stack = [];
        if (source.Length > options.MaxDocumentBytes)
        {
            throw _lexer.Error(options.MaxDocumentBytes, $"Document contains more than {options.MaxDocumentBytes} bytes. Parsing aborted.");
        }
    }

    public readonly int TokenCount => _tokenCount;

    /// <summary>Returns the scratch stack to the pool; call once when done.</summary>
    public void Dispose()
    {
        if (_stack.Length > 0)
        {
            ArrayPool<SyntaxNode>.Shared.Return(_stack, clearArray: true);
            _stack = [];
        }
    }

    // Document : Definition+
    public DocumentNode ParseDocument()
    {
        Mark start = MarkStart();
        ExpectToken(TokenKind.StartOfFile);
        int mark = _stackTop;
        do
        {
            Push(ParseDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.EndOfFile));

        return new DocumentNode
        {
            Definitions = PopArray<DefinitionNode>(mark),
            TokenCount = _tokenCount,
            Location = Loc(start),
        };
    }

    public ValueNode ParseValueAlone(bool isConst)
    {
        ExpectToken(TokenKind.StartOfFile);
        ValueNode value = ParseValueLiteral(isConst);
        ExpectToken(TokenKind.EndOfFile);
        return value;
    }

    public TypeNode ParseTypeAlone()
    {
        ExpectToken(TokenKind.StartOfFile);
        TypeNode type = ParseTypeReference();
        ExpectToken(TokenKind.EndOfFile);
        return type;
    }

    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.LeftBrace))
        {
            return ParseOperationDefinition();
        }

        bool hasDescription = PeekDescription();
        Lexer keyword = _lexer;
        if (hasDescription)
        {
            keyword.Advance();
            if (keyword.Kind == TokenKind.LeftBrace)
            {
                throw _lexer.Error(_lexer.Start, "Unexpected description, descriptions are not supported on shorthand queries.");
            }
        }

        if (keyword.Kind == TokenKind.Name)
        {
            ReadOnlySpan<byte> word = keyword.RawSpan;
            if (word.SequenceEqual("query"u8) || word.SequenceEqual("mutation"u8) || word.SequenceEqual("subscription"u8))
            {
                return ParseOperationDefinition();
            }

            if (word.SequenceEqual("fragment"u8))
            {
                return ParseFragmentDefinition();
            }

            if (word.SequenceEqual("schema"u8))
            {
                return ParseSchemaDefinition();
            }

            if (word.SequenceEqual("scalar"u8))
            {
                return ParseScalarTypeDefinition();
            }

            if (word.SequenceEqual("type"u8))
            {
                return ParseObjectTypeDefinition();
            }

            if (word.SequenceEqual("interface"u8))
            {
                return ParseInterfaceTypeDefinition();
            }

            if (word.SequenceEqual("union"u8))
            {
                return ParseUnionTypeDefinition();
            }

            if (word.SequenceEqual("enum"u8))
            {
                return ParseEnumTypeDefinition();
            }

            if (word.SequenceEqual("input"u8))
            {
                return ParseInputObjectTypeDefinition();
            }

            if (word.SequenceEqual("directive"u8))
            {
                return ParseDirectiveDefinition();
            }

            if (hasDescription)
            {
                throw _lexer.Error(_lexer.Start, "Unexpected description, only GraphQL definitions support descriptions.");
            }

            if (word.SequenceEqual("extend"u8))
            {
                return ParseTypeSystemExtension();
            }
        }

        throw Unexpected(keyword);
    }

    // OperationDefinition : Description? OperationType Name? VariablesDefinition? Directives? SelectionSet | SelectionSet
    private OperationDefinitionNode ParseOperationDefinition()
    {
        Mark start = MarkStart();
        if (Peek(TokenKind.LeftBrace))
        {
            return new OperationDefinitionNode
            {
                Operation = OperationType.Query,
                SelectionSet = ParseSelectionSet(),
                Location = Loc(start),
            };
        }

        StringValueNode? description = ParseDescription();
        OperationType operation = ParseOperationType();
        NameNode? name = Peek(TokenKind.Name) ? ParseName() : null;
        return new OperationDefinitionNode
        {
            Description = description,
            Operation = operation,
            Name = name,
            VariableDefinitions = ParseVariableDefinitions(),
            Directives = ParseDirectives(isConst: false),
            SelectionSet = ParseSelectionSet(),
            Location = Loc(start),
        };
    }

    private OperationType ParseOperationType()
    {
        if (_lexer.Kind == TokenKind.Name)
        {
            ReadOnlySpan<byte> word = _lexer.RawSpan;
            OperationType? operation =
                word.SequenceEqual("query"u8) ? OperationType.Query :
                word.SequenceEqual("mutation"u8) ? OperationType.Mutation :
                word.SequenceEqual("subscription"u8) ? OperationType.Subscription :
                null;
            if (operation is { } found)
            {
                Advance();
                return found;
            }

            throw Unexpected(_lexer);
        }

        throw ExpectedError(TokenKind.Name);
    }

    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions()
    {
        if (!ExpectOptionalToken(TokenKind.LeftParenthesis))
        {
            return [];
        }

        int mark = _stackTop;
        do
        {
            Push(ParseVariableDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.RightParenthesis));

        return PopArray<VariableDefinitionNode>(mark);
    }

    // VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]?
    private VariableDefinitionNode ParseVariableDefinition()
    {
        Mark start = MarkStart();
        StringValueNode? description = ParseDescription();
        VariableNode variable = ParseVariable();
        ExpectToken(TokenKind.Colon);
        TypeNode type = ParseTypeReference();
        ValueNode? defaultValue = ExpectOptionalToken(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        return new VariableDefinitionNode
        {
            Description = description,
            Variable = variable,
            Type = type,
            DefaultValue = defaultValue,
            Directives = ParseDirectives(isConst: true),
            Location = Loc(start),
        };
    }

    private VariableNode ParseVariable()
    {
        Mark start = MarkStart();
        ExpectToken(TokenKind.Dollar);
        return new VariableNode { Name = ParseName(), Location = Loc(start) };
    }

    // SelectionSet : { Selection+ }
    private SelectionSetNode ParseSelectionSet()
    {
        Mark start = MarkStart();
        EnterNesting();
        ExpectToken(TokenKind.LeftBrace);
        int mark = _stackTop;
        do
        {
            Push(Peek(TokenKind.Spread) ? ParseFragment() : ParseField());
        }
        while (!ExpectOptionalToken(TokenKind.RightBrace));

        _depth--;
        return new SelectionSetNode { Selections = PopArray<SelectionNode>(mark), Location = Loc(start) };
    }

    // Field : Alias? Name Arguments? Directives? SelectionSet?
    private FieldNode ParseField()
    {
        Mark start = MarkStart();
        NameNode nameOrAlias = ParseName();
        NameNode? alias = null;
        NameNode name;
        if (ExpectOptionalToken(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        else
        {
            name = nameOrAlias;
        }

        return new FieldNode
        {
            Alias = alias,
            Name = name,
            Arguments = ParseArguments(isConst: false),
            Directives = ParseDirectives(isConst: false),
            SelectionSet = Peek(TokenKind.LeftBrace) ? ParseSelectionSet() : null,
            Location = Loc(start),
        };
    }

    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (!ExpectOptionalToken(TokenKind.LeftParenthesis))
        {
            return [];
        }

        int mark = _stackTop;
        do
        {
            Mark start = MarkStart();
            NameNode name = ParseName();
            ExpectToken(TokenKind.Colon);
            Push(new ArgumentNode { Name = name, Value = ParseValueLiteral(isConst), Location = Loc(start) });
        }
        while (!ExpectOptionalToken(TokenKind.RightParenthesis));

        return PopArray<ArgumentNode>(mark);
    }

    // FragmentSpread : ... FragmentName Directives?   InlineFragment : ... TypeCondition? Directives? SelectionSet
    private SelectionNode ParseFragment()
    {
        Mark start = MarkStart();
        ExpectToken(TokenKind.Spread);
        bool hasTypeCondition = ExpectOptionalKeyword("on"u8);
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            return new FragmentSpreadNode
            {
                Name = ParseFragmentName(),
                Directives = ParseDirectives(isConst: false),
                Location = Loc(start),
            };
        }

        return new InlineFragmentNode
        {
            TypeCondition = hasTypeCondition ? ParseNamedType() : null,
            Directives = ParseDirectives(isConst: false),
            SelectionSet = ParseSelectionSet(),
            Location = Loc(start),
        };
    }

    // FragmentDefinition : Description? fragment FragmentName TypeCondition Directives? SelectionSet
    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        Mark start = MarkStart();
        StringValueNode? description = ParseDescription();
        ExpectKeyword("fragment"u8, "fragment");
        NameNode name = ParseFragmentName();
        ExpectKeyword("on"u8, "on");
        return new FragmentDefinitionNode
        {
            Description = description,
            Name = name,
            TypeCondition = ParseNamedType(),
            Directives = ParseDirectives(isConst: false),
            SelectionSet = ParseSelectionSet(),
            Location = Loc(start),
        };
    }

    // FragmentName : Name but not `on`
    private NameNode ParseFragmentName()
    {
        if (_lexer.IsKeyword("on"u8))
        {
            throw Unexpected(_lexer);
        }

        return ParseName();
    }

    // Value[Const] (spec 2.9)
    private ValueNode ParseValueLiteral(bool isConst)
    {
        Mark start = MarkStart();
        switch (_lexer.Kind)
        {
            case TokenKind.LeftBracket:
                return ParseList(isConst);
            case TokenKind.LeftBrace:
                return ParseObject(isConst);
            case TokenKind.Int:
            {
                string value = _lexer.GetRawText();
                Advance();
                return new IntValueNode { Value = value, Location = Loc(start) };
            }

            case TokenKind.Float:
            {
                string value = _lexer.GetRawText();
                Advance();
                return new FloatValueNode { Value = value, Location = Loc(start) };
            }

            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
            {
                ReadOnlySpan<byte> word = _lexer.RawSpan;
                if (word.SequenceEqual("true"u8) || word.SequenceEqual("false"u8))
                {
                    bool value = word.Length == 4;
                    Advance();
                    return new BooleanValueNode { Value = value, Location = Loc(start) };
                }

                if (word.SequenceEqual("null"u8))
                {
                    Advance();
                    return new NullValueNode { Location = Loc(start) };
                }

                string name = _names.GetOrAdd(word);
                Advance();
                return new EnumValueNode { Value = name, Location = Loc(start) };
            }

            case TokenKind.Dollar:
                if (isConst)
                {
                    int dollarStart = _lexer.Start;
                    Lexer dollar = _lexer;
                    Advance();
                    if (_lexer.Kind == TokenKind.Name)
                    {
                        throw _lexer.Error(dollarStart, $"Unexpected variable \"${_lexer.GetRawText()}\" in constant value.");
                    }

                    throw Unexpected(dollar);
                }

                return ParseVariable();
            default:
                throw Unexpected(_lexer);
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        Mark start = MarkStart();
        bool block = _lexer.Kind == TokenKind.BlockString;
        string value = _lexer.GetStringValue();
        Advance();
        return new StringValueNode { Value = value, Block = block, Location = Loc(start) };
    }

    // ListValue : [ ] | [ Value+ ]
    private ListValueNode ParseList(bool isConst)
    {
        Mark start = MarkStart();
        EnterNesting();
        ExpectToken(TokenKind.LeftBracket);
        int mark = _stackTop;
        while (!ExpectOptionalToken(TokenKind.RightBracket))
        {
            Push(ParseValueLiteral(isConst));
        }

        _depth--;
        return new ListValueNode { Values = PopArray<ValueNode>(mark), Location = Loc(start) };
    }

    // ObjectValue : { } | { ObjectField+ }
    private ObjectValueNode ParseObject(bool isConst)
    {
        Mark start = MarkStart();
        EnterNesting();
        ExpectToken(TokenKind.LeftBrace);
        int mark = _stackTop;
        while (!ExpectOptionalToken(TokenKind.RightBrace))
        {
            Mark fieldStart = MarkStart();
            NameNode name = ParseName();
            ExpectToken(TokenKind.Colon);
            Push(new ObjectFieldNode { Name = name, Value = ParseValueLiteral(isConst), Location = Loc(fieldStart) });
        }

        _depth--;
        return new ObjectValueNode { Fields = PopArray<ObjectFieldNode>(mark), Location = Loc(start) };
    }

    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return [];
        }

        int mark = _stackTop;
        while (Peek(TokenKind.At))
        {
            Mark start = MarkStart();
            Advance();
            NameNode name = ParseName();
            Push(new DirectiveNode { Name = name, Arguments = ParseArguments(isConst), Location = Loc(start) });
        }

        return PopArray<DirectiveNode>(mark);
    }

    // Type : NamedType | ListType | NonNullType
    private TypeNode ParseTypeReference()
    {
        Mark start = MarkStart();
        TypeNode type;
        if (Peek(TokenKind.LeftBracket))
        {
            EnterNesting();
            Advance();
            TypeNode inner = ParseTypeReference();
            ExpectToken(TokenKind.RightBracket);
            _depth--;
            type = new ListTypeNode { Type = inner, Location = Loc(start) };
        }
        else
        {
            type = ParseNamedType();
        }

        if (ExpectOptionalToken(TokenKind.Bang))
        {
            return new NonNullTypeNode { Type = type, Location = Loc(start) };
        }

        return type;
    }

    private NamedTypeNode ParseNamedType()
    {
        Mark start = MarkStart();
        return new NamedTypeNode { Name = ParseName(), Location = Loc(start) };
    }

    private NameNode ParseName()
    {
        if (_lexer.Kind != TokenKind.Name)
        {
            throw ExpectedError(TokenKind.Name);
        }

        Mark start = MarkStart();
        string value = _names.GetOrAdd(_lexer.RawSpan);
        Advance();
        return new NameNode { Value = value, Location = Loc(start) };
    }

    private readonly bool PeekDescription() => _lexer.Kind is TokenKind.String or TokenKind.BlockString;

    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    // SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        Mark start = MarkStart();
        StringValueNode? description = ParseDescription();
        ExpectKeyword("schema"u8, "schema");
        IReadOnlyList<DirectiveNode> directives = ParseDirectives(isConst: true);
        ExpectToken(TokenKind.LeftBrace);
        IReadOnlyList<OperationTypeDefinitionNode> operationTypes = ParseOperationTypeDefinitionsAfterBrace();
        return new SchemaDefinitionNode
        {
            Description = description,
            Directives = directives,
            OperationTypes = operationTypes,
            Location = Loc(start),
        };
    }

    private IReadOnlyList<OperationTypeDefinitionNode> ParseOperationTypeDefinitionsAfterBrace()
    {
        int mark = _stackTop;
        do
        {
            Mark start = MarkStart();
            OperationType operation = ParseOperationType();
            ExpectToken(TokenKind.Colon);
            Push(new OperationTypeDefinitionNode { Operation = operation, Type = ParseNamedType(), Location = Loc(start) });
        }
        while (!ExpectOptionalToken(TokenKind.RightBrace));

        return PopArray<OperationTypeDefinitionNode>(mark);
    }

    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        Mark start = MarkStart();
        StringValueNode? description = ParseDescription();
        ExpectKeyword("scalar"u8, "scalar");
        NameNode name = ParseName();
        return new ScalarTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = ParseDirectives(isConst: true),
            Location = Loc(start),
        };
    }

    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        Mark start = MarkStart();
        StringValueNode? description = ParseDescription();
        ExpectKeyword("type"u8, "type");
        NameNode name = ParseName();
        IReadOnlyList<NamedTypeNode> interfaces = ParseImplementsInterfaces();
        IReadOnlyList<DirectiveNode> directives = ParseDirectives(isConst: true);
        return new ObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = ParseFieldsDefinition(),
            Location = Loc(start),
        };
    }

    // ImplementsInterfaces : implements &? NamedType (& NamedType)*
    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces() =>
        ExpectOptionalKeyword("implements"u8) ? ParseDelimitedNamedTypes(TokenKind.Ampersand) : [];

    private IReadOnlyList<NamedTypeNode> ParseDelimitedNamedTypes(TokenKind delimiter)
    {
        ExpectOptionalToken(delimiter);
        int mark = _stackTop;
        do
        {
            Push(ParseNamedType());
        }
        while (ExpectOptionalToken(delimiter));

        return PopArray<NamedTypeNode>(mark);
    }

    private IReadOnlyList<FieldDefinitionNode> ParseFieldsDefinition()
    {
        if (!ExpectOptionalToken(TokenKind.LeftBrace))
        {
            return [];
        }

        int mark = _stackTop;
        do
        {
            Push(ParseFieldDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.RightBrace));

        return PopArray<FieldDefinitionNode>(mark);
    }

    private FieldDefinitionNode ParseFieldDefinition()
    {
        Mark start = MarkStart();
        StringValueNode? description = ParseDescription();
        NameNode name = ParseName();
        IReadOnlyList<InputValueDefinitionNode> arguments = ParseInputValueDefinitions(TokenKind.LeftParenthesis, TokenKind.RightParenthesis);
        ExpectToken(TokenKind.Colon);
        TypeNode type = ParseTypeReference();
        return new FieldDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Type = type,
            Directives = ParseDirectives(isConst: true),
            Location = Loc(start),
        };
    }

    private IReadOnlyList<InputValueDefinitionNode> ParseInputValueDefinitions(TokenKind open, TokenKind close)
    {
        if (!ExpectOptionalToken(open))
        {
            return [];
        }

        int mark = _stackTop;
        do
        {
            Push(ParseInputValueDefinition());
        }
        while (!ExpectOptionalToken(close));

        return PopArray<InputValueDefinitionNode>(mark);
    }

    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        Mark start = MarkStart();
        StringValueNode? description = ParseDescription();
        NameNode name = ParseName();
        ExpectToken(TokenKind.Colon);
        TypeNode type = ParseTypeReference();
        ValueNode? defaultValue = ExpectOptionalToken(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        return new InputValueDefinitionNode
        {
            Description = description,
            Name = name,
            Type = type,
            DefaultValue = defaultValue,
            Directives = ParseDirectives(isConst: true),
            Location = Loc(start),
        };
    }

    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        Mark start = MarkStart();
        StringValueNode? description = ParseDescription();
        ExpectKeyword("interface"u8, "interface");
        NameNode name = ParseName();
        IReadOnlyList<NamedTypeNode> interfaces = ParseImplementsInterfaces();
        IReadOnlyList<DirectiveNode> directives = ParseDirectives(isConst: true);
        return new InterfaceTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = ParseFieldsDefinition(),
            Location = Loc(start),
        };
    }

    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        Mark start = MarkStart();
        StringValueNode? description = ParseDescription();
        ExpectKeyword("union"u8, "union");
        NameNode name = ParseName();
        IReadOnlyList<DirectiveNode> directives = ParseDirectives(isConst: true);
        return new UnionTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Types = ParseUnionMemberTypes(),
            Location = Loc(start),
        };
    }

    // UnionMemberTypes : = |? NamedType (| NamedType)*
    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes() =>
        ExpectOptionalToken(TokenKind.Equals) ? ParseDelimitedNamedTypes(TokenKind.Pipe) : [];

    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        Mark start = MarkStart();
        StringValueNode? description = ParseDescription();
        ExpectKeyword("enum"u8, "enum");
        NameNode name = ParseName();
        IReadOnlyList<DirectiveNode> directives = ParseDirectives(isConst: true);
        return new EnumTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Values = ParseEnumValuesDefinition(),
            Location = Loc(start),
        };
    }

    private IReadOnlyList<EnumValueDefinitionNode> ParseEnumValuesDefinition()
    {
        if (!ExpectOptionalToken(TokenKind.LeftBrace))
        {
            return [];
        }

        int mark = _stackTop;
        do
        {
            Mark start = MarkStart();
            StringValueNode? description = ParseDescription();

            // EnumValue : Name but not true, false or null
            if (_lexer.IsKeyword("true"u8) || _lexer.IsKeyword("false"u8) || _lexer.IsKeyword("null"u8))
            {
                throw _lexer.Error(_lexer.Start, $"{DescribeToken(_lexer)} is reserved and cannot be used for an enum value.");
            }

            NameNode name = ParseName();
            Push(new EnumValueDefinitionNode
            {
                Description = description,
                Name = name,
                Directives = ParseDirectives(isConst: true),
                Location = Loc(start),
            });
        }
        while (!ExpectOptionalToken(TokenKind.RightBrace));

        return PopArray<EnumValueDefinitionNode>(mark);
    }

    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        Mark start = MarkStart();
        StringValueNode? description = ParseDescription();
        ExpectKeyword("input"u8, "input");
        NameNode name = ParseName();
        IReadOnlyList<DirectiveNode> directives = ParseDirectives(isConst: true);
        return new InputObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Fields = ParseInputValueDefinitions(TokenKind.LeftBrace, TokenKind.RightBrace),
            Location = Loc(start),
        };
    }

    // DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? repeatable? on DirectiveLocations
    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        Mark start = MarkStart();
        StringValueNode? description = ParseDescription();
        ExpectKeyword("directive"u8, "directive");
        ExpectToken(TokenKind.At);
        NameNode name = ParseName();
        IReadOnlyList<InputValueDefinitionNode> arguments = ParseInputValueDefinitions(TokenKind.LeftParenthesis, TokenKind.RightParenthesis);
        bool repeatable = ExpectOptionalKeyword("repeatable"u8);
        ExpectKeyword("on"u8, "on");
        ExpectOptionalToken(TokenKind.Pipe);
        int mark = _stackTop;
        do
        {
            Lexer locationToken = _lexer;
            NameNode location = ParseName();
            if (!DirectiveLocations.TryParse(location.Value, out _))
            {
                throw Unexpected(locationToken);
            }

            Push(location);
        }
        while (ExpectOptionalToken(TokenKind.Pipe));

        return new DirectiveDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Repeatable = repeatable,
            Locations = PopArray<NameNode>(mark),
            Location = Loc(start),
        };
    }

    // TypeSystemExtension : SchemaExtension | TypeExtension
    private TypeSystemExtensionNode ParseTypeSystemExtension()
    {
        Lexer keyword = _lexer;
        keyword.Advance();
        if (keyword.Kind == TokenKind.Name)
        {
            ReadOnlySpan<byte> word = keyword.RawSpan;
            Mark start = MarkStart();
            if (word.SequenceEqual("schema"u8))
            {
                Advance();
                Advance();
                IReadOnlyList<DirectiveNode> directives = ParseDirectives(isConst: true);
                IReadOnlyList<OperationTypeDefinitionNode> operationTypes =
                    ExpectOptionalToken(TokenKind.LeftBrace) ? ParseOperationTypeDefinitionsAfterBrace() : [];
                RequireSome(directives.Count + operationTypes.Count);
                return new SchemaExtensionNode { Directives = directives, OperationTypes = operationTypes, Location = Loc(start) };
            }

            if (word.SequenceEqual("scalar"u8))
            {
                Advance();
                Advance();
                NameNode name = ParseName();
                IReadOnlyList<DirectiveNode> directives = ParseDirectives(isConst: true);
                RequireSome(directives.Count);
                return new ScalarTypeExtensionNode { Name = name, Directives = directives, Location = Loc(start) };
            }

            if (word.SequenceEqual("type"u8) || word.SequenceEqual("interface"u8))
            {
                bool isObject = word.Length == 4;
                Advance();
                Advance();
                NameNode name = ParseName();
                IReadOnlyList<NamedTypeNode> interfaces = ParseImplementsInterfaces();
                IReadOnlyList<DirectiveNode> directives = ParseDirectives(isConst: true);
                IReadOnlyList<FieldDefinitionNode> fields = ParseFieldsDefinition();
                RequireSome(interfaces.Count + directives.Count + fields.Count);
                return isObject
                    ? new ObjectTypeExtensionNode { Name = name, Interfaces = interfaces, Directives = directives, Fields = fields, Location = Loc(start) }
                    : new InterfaceTypeExtensionNode { Name = name, Interfaces = interfaces, Directives = directives, Fields = fields, Location = Loc(start) };
            }

            if (word.SequenceEqual("union"u8))
            {
                Advance();
                Advance();
                NameNode name = ParseName();
                IReadOnlyList<DirectiveNode> directives = ParseDirectives(isConst: true);
                IReadOnlyList<NamedTypeNode> types = ParseUnionMemberTypes();
                RequireSome(directives.Count + types.Count);
                return new UnionTypeExtensionNode { Name = name, Directives = directives, Types = types, Location = Loc(start) };
            }

            if (word.SequenceEqual("enum"u8))
            {
                Advance();
                Advance();
                NameNode name = ParseName();
                IReadOnlyList<DirectiveNode> directives = ParseDirectives(isConst: true);
                IReadOnlyList<EnumValueDefinitionNode> values = ParseEnumValuesDefinition();
                RequireSome(directives.Count + values.Count);
                return new EnumTypeExtensionNode { Name = name, Directives = directives, Values = values, Location = Loc(start) };
            }

            if (word.SequenceEqual("input"u8))
            {
                Advance();
                Advance();
                NameNode name = ParseName();
                IReadOnlyList<DirectiveNode> directives = ParseDirectives(isConst: true);
                IReadOnlyList<InputValueDefinitionNode> fields = ParseInputValueDefinitions(TokenKind.LeftBrace, TokenKind.RightBrace);
                RequireSome(directives.Count + fields.Count);
                return new InputObjectTypeExtensionNode { Name = name, Directives = directives, Fields = fields, Location = Loc(start) };
            }
        }

        throw Unexpected(keyword);
    }

    /// <summary>An extension must add something; graphql-js reports the token where something was expected.</summary>
    private readonly void RequireSome(int count)
    {
        if (count == 0)
        {
            throw Unexpected(_lexer);
        }
    }

    // ---- token helpers ----

    private readonly record struct Mark(int Start, int Line, int Column);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly Mark MarkStart() => new(_lexer.Start, _lexer.Line, _lexer.Column);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly Location? Loc(Mark start) =>
        _options.NoLocation ? null : new Location(start.Start, _lastEnd, start.Line, start.Column);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly bool Peek(TokenKind kind) => _lexer.Kind == kind;

    private void Advance()
    {
        _lastEnd = _lexer.End;
        _lexer.Advance();
        if (_lexer.Kind != TokenKind.EndOfFile && ++_tokenCount > _options.MaxTokens)
        {
            throw _lexer.Error(_lexer.Start, $"Document contains more than {_options.MaxTokens} tokens. Parsing aborted.");
        }
    }

    private void EnterNesting()
    {
        if (++_depth > _options.MaxDepth)
        {
            throw _lexer.Error(_lexer.Start, $"Document is nested deeper than {_options.MaxDepth} levels. Parsing aborted.");
        }
    }

    private void ExpectToken(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            throw ExpectedError(kind);
        }

        Advance();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ExpectOptionalToken(TokenKind kind)
    {
        if (_lexer.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void ExpectKeyword(ReadOnlySpan<byte> keyword, string text)
    {
        if (!_lexer.IsKeyword(keyword))
        {
            throw _lexer.Error(_lexer.Start, $"Expected \"{text}\", found {DescribeToken(_lexer)}.");
        }

        Advance();
    }

    private bool ExpectOptionalKeyword(ReadOnlySpan<byte> keyword)
    {
        if (!_lexer.IsKeyword(keyword))
        {
            return false;
        }

        Advance();
        return true;
    }

    private readonly GraphQLSyntaxException ExpectedError(TokenKind kind) =>
        _lexer.Error(_lexer.Start, $"Expected {TokenKinds.Describe(kind)}, found {DescribeToken(_lexer)}.");

    private static GraphQLSyntaxException Unexpected(in Lexer token) =>
        token.Error(token.Start, $"Unexpected {DescribeToken(token)}.");

    private static string DescribeToken(in Lexer token)
    {
        string kind = TokenKinds.Describe(token.Kind);
        return token.Kind switch
        {
            TokenKind.String or TokenKind.BlockString => $"{kind} \"{token.GetStringValue()}\"",
            TokenKind.Name or TokenKind.Int or TokenKind.Float => $"{kind} \"{token.GetRawText()}\"",
            _ => kind,
        };
    }

    // ---- scratch stack for lists ----

    private void Push(SyntaxNode node)
    {
        if (_stackTop == _stack.Length)
        {
            Grow();
        }

        _stack[_stackTop++] = node;
    }

    private void Grow()
    {
        SyntaxNode[] bigger = ArrayPool<SyntaxNode>.Shared.Rent(Math.Max(64, _stack.Length * 2));
        _stack.AsSpan(0, _stackTop).CopyTo(bigger);
        if (_stack.Length > 0)
        {
            ArrayPool<SyntaxNode>.Shared.Return(_stack, clearArray: true);
        }

        _stack = bigger;
    }

    private T[] PopArray<T>(int mark)
        where T : SyntaxNode
    {
        int count = _stackTop - mark;
        if (count == 0)
        {
            return [];
        }

        var result = new T[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = Unsafe.As<T>(_stack[mark + i]);
        }

        Array.Clear(_stack, mark, count);
        _stackTop = mark;
        return result;
    }
}
