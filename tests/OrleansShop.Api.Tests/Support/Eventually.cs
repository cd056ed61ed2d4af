using System.Text.Json.Nodes;

namespace OrleansShop.Api.Tests.Support;

/// <summary>Reads that go through the SQL read models, which the grains keep current within about a second.</summary>
public static class Eventually
{
    /// <summary>Reads until <paramref name="done"/> holds; fails the test with the last read if it does not within the time.</summary>
    public static async Task<JsonNode> UntilAsync(Func<Task<JsonNode>> read, Func<JsonNode, bool> done, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var last = await read();
            if (done(last))
            {
                return last;
            }

            Assert.True(DateTime.UtcNow < deadline, "Still not so after " + seconds + " s: " + last.ToJsonString());
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
