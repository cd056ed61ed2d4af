using OrleansShop.Api.Tests.Support;

namespace OrleansShop.Api.Tests;

public sealed class HostingTests
{
    [Fact]
    public void Outside_development_a_missing_signing_key_fails_start_up()
    {
        var directory = Directory.CreateTempSubdirectory("orleansshop-api-").FullName;
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => Program.Build(
                ["--urls", "http://127.0.0.1:0", "--environment", "Production", "--OrleansShop:DataDirectory=" + directory, "--OrleansShop:Demo:Seed=false"]));

            Assert.Contains("SigningKey", error.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(directory, "auth-signing-key")));
        }
        finally
        {
            ShopServer.TryDelete(directory);
        }
    }

    [Fact]
    public async Task The_development_signing_key_and_accounts_survive_a_restart()
    {
        var directory = Directory.CreateTempSubdirectory("orleansshop-api-").FullName;
        try
        {
            var email = ShopServer.UniqueEmail();
            string accessToken;
            await using (var first = await ShopServer.StartAsync(directory))
            {
                accessToken = (await first.RegisterAsync(email))["accessToken"]!.GetValue<string>();
            }

            Assert.True(File.Exists(Path.Combine(directory, "auth-signing-key")));
            await using var second = await ShopServer.StartAsync(directory);
            var me = await second.DataAsync("{ me { email } }", accessToken: accessToken);
            Assert.Equal(email, me["me"]!["email"]!.GetValue<string>());
        }
        finally
        {
            ShopServer.TryDelete(directory);
        }
    }
}
