using Microsoft.Extensions.Options;
using Orleans;
using OrleansShop.GrainInterfaces;

namespace OrleansShop.Api.Auth;

/// <summary>
/// Makes sure the administrator named by OrleansShop:Admin exists and has the ADMIN role. An existing account keeps its
/// password; a new one needs the configured password, which must pass the password policy like any other.
/// </summary>
internal sealed class FirstAdministrator(IGrainFactory grains, IOptions<AdminOptions> options, ILogger<FirstAdministrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value;
        if (string.IsNullOrWhiteSpace(admin.Email))
        {
            logger.LogInformation("No OrleansShop:Admin:Email is configured, so no administrator was created.");
            return;
        }

        var customerId = await grains.GetGrain<IEmailIndexGrain>(UniqueKeys.Email(admin.Email)).GetOwnerAsync();
        if (customerId is null)
        {
            if (string.IsNullOrEmpty(admin.Password))
            {
                logger.LogWarning("OrleansShop:Admin:Email is set but OrleansShop:Admin:Password is not, so the administrator {Email} was not created.", admin.Email);
                return;
            }

            customerId = Guid.NewGuid().ToString("N");
            var registered = await grains.GetGrain<ICustomerGrain>(customerId).RegisterAsync(new Registration(admin.Email, admin.Password, admin.DisplayName));
            if (!registered.Succeeded)
            {
                throw new InvalidOperationException(
                    "The administrator from OrleansShop:Admin could not be registered: " + string.Join(" ", registered.Errors.Select(e => e.Message)));
            }
        }

        var customer = grains.GetGrain<ICustomerGrain>(customerId);
        var profile = await customer.GetAsync()
            ?? throw new InvalidOperationException($"The email {admin.Email} is claimed by customer {customerId}, which does not exist.");
        if (!profile.Roles.Contains(Role.Admin))
        {
            var promoted = await customer.SetRolesAsync([.. profile.Roles, Role.Admin]);
            if (!promoted.Succeeded)
            {
                throw new InvalidOperationException("The administrator's roles could not be set: " + promoted.Error!.Message);
            }

            logger.LogInformation("{Email} is an administrator.", admin.Email);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
