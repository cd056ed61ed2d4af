using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
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

    [Fact]
    public async Task Subscriptions_not_built_yet_answer_NOT_IMPLEMENTED_over_graphql_transport_ws()
    {
        await using var server = await ShopServer.StartAsync();
        var cancel = TestContext.Current.CancellationToken;
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri(server.Http.BaseAddress!.ToString().Replace("http://", "ws://", StringComparison.Ordinal) + "graphql"), cancel);

        await SendAsync(socket, """{"type":"connection_init"}""", cancel);
        Assert.Equal("connection_ack", (await ReceiveAsync(socket, cancel))["type"]!.GetValue<string>());
        await SendAsync(socket, """{"id":"1","type":"subscribe","payload":{"query":"subscription { stockChanged(productId: \"x\") { available } }"}}""", cancel);
        var message = await ReceiveAsync(socket, cancel);

        Assert.True(message.ToJsonString().Contains("\"code\":\"NOT_IMPLEMENTED\"", StringComparison.Ordinal), message.ToJsonString());
        Assert.Contains(message["type"]!.GetValue<string>(), new[] { "error", "next" });
    }

    private static Task SendAsync(ClientWebSocket socket, string json, CancellationToken cancel) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, cancel);

    private static async Task<JsonNode> ReceiveAsync(ClientWebSocket socket, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var buffer = new byte[64 * 1024];
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
            length += result.Count;
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, length))!;
    }
}
