namespace OrleansShop.Deploy.Tests;

/// <summary>
/// The catalog warm-up as a deployment gives it (bicep snapshot): to the API, which scales out on HTTP load and reports
/// ready only once warm, with the count the environment's parameter file names; never to the silos, which serve no HTTP load.
/// </summary>
public sealed class ApiWarmupSettingsTests(DeploymentBuild build)
{
    private const string Setting = "OrleansShop__Warmup__Requests";

    [Theory]
    [InlineData("dev", "2000")]
    [InlineData("prod", "20000")]
    public void The_api_warms_up_with_its_environments_count_and_the_silos_do_not(string environment, string requests)
    {
        var snapshot = build.RequireSnapshot(environment);

        Assert.Contains(KeyValuePair.Create(Setting, requests), snapshot.Settings("api"));
        Assert.DoesNotContain(snapshot.Settings("silo"), s => s.Key == Setting);
    }
}
