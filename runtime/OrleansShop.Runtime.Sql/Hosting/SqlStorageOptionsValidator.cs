using Microsoft.Extensions.Options;

namespace OrleansShop.Runtime.Sql.Hosting;

/// <summary>Runs an options class's own <see cref="SqlStorageOptions.Validate"/> for the options pipeline (and so at start-up).</summary>
internal sealed class SqlStorageOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : SqlStorageOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException ex)
        {
            return ValidateOptionsResult.Fail($"{(string.IsNullOrEmpty(name) ? "" : $"'{name}': ")}{ex.Message}");
        }
    }
}
