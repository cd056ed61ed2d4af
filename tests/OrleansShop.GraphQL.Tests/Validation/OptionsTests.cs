using OrleansShop.GraphQL.Validation;

namespace OrleansShop.GraphQL.Tests.Validation;

/// <summary>Options fail at startup when out of range, and their defaults are the documented ones.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void The_defaults_are_sensible_and_valid()
    {
        var validation = ValidationOptions.Default;
        validation.Validate();
        Assert.Equal((100, 32, 256, 2_000, 64, 3), (validation.MaxErrors, validation.MaxDepth, validation.MaxAliases, validation.MaxFieldSelections, validation.MaxRootFields, validation.MaxIntrospectionListDepth));

        var cost = CostOptions.Default;
        cost.Validate();
        Assert.Equal((1_000d, 1_000d, 1d, 0d, 10d, 10), (cost.MaxFieldCost, cost.MaxTypeCost, cost.CompositeFieldWeight, cost.LeafFieldWeight, cost.ResolverFieldWeight, cost.DefaultListSize));
        Assert.Equal(["first", "last"], cost.DefaultSlicingArguments);
    }

    [Fact]
    public void A_validator_with_out_of_range_options_is_refused_when_created()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DocumentValidator(ValidationHarness.Pets, new ValidationOptions { MaxErrors = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DocumentValidator(ValidationHarness.Pets, new ValidationOptions { MaxDepth = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CostOptions { DefaultListSize = -5 }.Validate());
    }

    [Fact]
    public void The_specification_only_options_switch_every_limit_off_but_keep_the_introspection_guard()
    {
        var options = ValidationOptions.SpecificationOnly;
        Assert.Null(options.MaxDepth);
        Assert.Null(options.MaxAliases);
        Assert.Null(options.MaxFieldSelections);
        Assert.Null(options.MaxRootFields);
        Assert.Equal(3, options.MaxIntrospectionListDepth);
    }
}
