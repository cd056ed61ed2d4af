using OrleansShop.GraphQL.Execution;
using OrleansShop.GraphQL.Language;
using OrleansShop.GraphQL.Types;
using OrleansShop.GraphQL.Validation.Rules;

namespace OrleansShop.GraphQL.Validation;

/// <summary>
/// Validates executable documents against a schema (spec chapter 5): first the protective limits of
/// <see cref="ValidationOptions"/>, in one cheap pass, then every rule of the specification in one walk.
/// Thread-safe and reusable. The result depends only on the document, so it is kept with the document: validating the
/// same <see cref="DocumentNode"/> instance again (the executor caches parsed documents by their text) costs a lookup.
/// </summary>
/// <example>
/// <code>
/// var validator = new DocumentValidator(schema, new ValidationOptions { MaxDepth = 15 });
/// var result = validator.Validate(Parser.Parse(query));
/// if (!result.IsValid) { /* respond with result.Errors */ }
/// </code>
/// </example>
public sealed class DocumentValidator
{
    private readonly IReadOnlyList<Func<ValidationContext, ValidationRule>> _rules;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DocumentNode, DocumentValidationResult> _results = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DocumentNode, DocumentValidationResult>.CreateValueCallback _validate;

    public DocumentValidator(GraphQLSchema schema, ValidationOptions? options = null)
        : this(schema, options ?? ValidationOptions.Default, SpecifiedRules(options ?? ValidationOptions.Default))
    {
    }

    internal DocumentValidator(GraphQLSchema schema, ValidationOptions options, IReadOnlyList<Func<ValidationContext, ValidationRule>> rules)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Schema = schema;
        Options = options;
        _rules = rules;
        _validate = ValidateUncached;
    }

    public GraphQLSchema Schema { get; }

    public ValidationOptions Options { get; }

    /// <summary>Validates <paramref name="document"/> with the default options.</summary>
    public static DocumentValidationResult Validate(GraphQLSchema schema, DocumentNode document, ValidationOptions? options = null) =>
        new DocumentValidator(schema, options).Validate(document);

    /// <summary>Validates <paramref name="document"/>, or returns the result of an earlier validation of the same instance.</summary>
    public DocumentValidationResult Validate(DocumentNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return _results.GetValue(document, _validate);
    }

    private DocumentValidationResult ValidateUncached(DocumentNode document)
    {
        var errors = new List<GraphQLError>();
        DocumentStatistics statistics;
        try
        {
            statistics = DocumentLimits.Check(document, Options, errors);
        }
        catch (InsufficientExecutionStackException)
        {
            return new DocumentValidationResult([DocumentLimits.TooComplex()], default);
        }

        if (errors.Count > 0)
        {
            // A document past a limit is refused before the rules spend anything on it.
            return new DocumentValidationResult(errors, statistics);
        }

        var context = new ValidationContext(Schema, document, Options, errors);
        var rules = new SyntaxVisitor[_rules.Count];
        for (int i = 0; i < rules.Length; i++)
        {
            rules[i] = _rules[i](context);
        }

        try
        {
            SyntaxWalker.Walk(document, new TypeInfoVisitor(context.TypeInfo, new ParallelVisitor(rules)));
        }
        catch (ValidationAbortedException aborted)
        {
            errors.Add(aborted.Error);
        }
        catch (InsufficientExecutionStackException)
        {
            errors.Add(DocumentLimits.TooComplex());
        }

        return new DocumentValidationResult(errors, statistics);
    }

    /// <summary>The rules of the specification, in graphql-js's order, plus the introspection depth guard when enabled.</summary>
    internal static IReadOnlyList<Func<ValidationContext, ValidationRule>> SpecifiedRules(ValidationOptions options)
    {
        var rules = new List<Func<ValidationContext, ValidationRule>>
        {
            c => new ExecutableDefinitionsRule(c),
            c => new KnownOperationTypesRule(c),
            c => new UniqueOperationNamesRule(c),
            c => new LoneAnonymousOperationRule(c),
            c => new SingleFieldSubscriptionsRule(c),
            c => new KnownTypeNamesRule(c),
            c => new FragmentsOnCompositeTypesRule(c),
            c => new VariablesAreInputTypesRule(c),
            c => new ScalarLeafsRule(c),
            c => new FieldsOnCorrectTypeRule(c),
            c => new UniqueFragmentNamesRule(c),
            c => new KnownFragmentNamesRule(c),
            c => new NoUnusedFragmentsRule(c),
            c => new PossibleFragmentSpreadsRule(c),
            c => new NoFragmentCyclesRule(c),
            c => new UniqueVariableNamesRule(c),
            c => new NoUndefinedVariablesRule(c),
            c => new NoUnusedVariablesRule(c),
            c => new KnownDirectivesRule(c),
            c => new UniqueDirectivesPerLocationRule(c),
            c => new KnownArgumentNamesRule(c),
            c => new UniqueArgumentNamesRule(c),
            c => new ValuesOfCorrectTypeRule(c),
            c => new ProvidedRequiredArgumentsRule(c),
            c => new VariablesInAllowedPositionRule(c),
            c => new OverlappingFieldsCanBeMergedRule(c),
            c => new UniqueInputFieldNamesRule(c),
        };
        if (options.MaxIntrospectionListDepth is not null)
        {
            rules.Add(c => new MaxIntrospectionDepthRule(c));
        }

        return rules;
    }
}
