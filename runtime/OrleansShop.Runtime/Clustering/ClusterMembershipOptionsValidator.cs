using Microsoft.Extensions.Options;

namespace OrleansShop.Runtime.Clustering;

/// <summary>Runs <see cref="ClusterMembershipOptions.Validate"/> for the options pipeline, so a bad setting stops start-up with its name.</summary>
internal sealed class ClusterMembershipOptionsValidator : IValidateOptions<ClusterMembershipOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterMembershipOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
