using OrleansShop.GraphQL.Language;

namespace OrleansShop.GraphQL.Validation;

/// <summary>
/// One rule of the specification's Validation chapter, run as a visitor in the validator's single walk.
/// A rule instance lives for one validation; it reads types from <see cref="ValidationContext.TypeInfo"/>.
/// </summary>
internal abstract class ValidationRule(ValidationContext context) : SyntaxVisitor
{
    protected ValidationContext Context { get; } = context;
}
