namespace OrleansShop.GraphQL.Validation;

/// <summary>
/// The computed cost of one operation with its variables: <see cref="FieldCost"/> weighs the work of resolving fields,
/// <see cref="TypeCost"/> counts the objects produced. Either may be charged to a client's budget.
/// </summary>
public readonly record struct OperationCost(double FieldCost, double TypeCost);
