namespace OrleansShop.Api.Tests.Support;

/// <summary>Waits for something a server does in the background, such as taking up a secret rotated in its vault.</summary>
public static class Poll
{
    /// <summary>Asks until <paramref name="done"/> says so; fails the test if it does not within the time.</summary>
    public static async Task UntilAsync(Func<Task<bool>> done, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Still not so after {seconds} s.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
