using Orleans.Core;
using Orleans.Runtime;

namespace OrleansShop.Grains;

internal static class StorageExtensions
{
    /// <summary>
    /// Writes the state; if storage refuses, reloads what it holds, so that this activation never goes on serving a
    /// change that was not saved. The write's failure is what the caller sees.
    /// </summary>
    public static async Task SaveAsync(this IStorage storage)
    {
        try
        {
            await storage.WriteStateAsync();
        }
        catch (Exception)
        {
            try
            {
                await storage.ReadStateAsync();
            }
            catch (Exception)
            {
                // The write's failure is the one to report; the runtime deactivates an activation whose storage fails.
            }

            throw;
        }
    }
}
