namespace OrleansShop.ReadModels.Lists;

/// <summary>One SQL condition of a list's filter; <c>{0}</c>, <c>{1}</c>... in <see cref="Sql"/> stand for the parameters of <see cref="Values"/>.</summary>
public sealed record ListFilter(string Sql, IReadOnlyList<object> Values);
