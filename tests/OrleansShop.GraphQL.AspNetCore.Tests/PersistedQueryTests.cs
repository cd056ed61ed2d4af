using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure;
using static OrleansShop.GraphQL.AspNetCore.Tests.Infrastructure.GraphQLHttp;

namespace OrleansShop.GraphQL.AspNetCore.Tests;

/// <summary>Apollo automatic persisted queries: miss, register, hit, hash verification.</summary>
public sealed class PersistedQueryTests
{
    private const string Query = "query Echo($t: String!) { echo(text: $t) }";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static object Extension(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    /// <summary>What an Apollo client sends first: the hash without the document.</summary>
    private static HttpRequestMessage HashOnly(string hash, object? variables) =>
        Post(JsonSerializer.Serialize(new { variables, extensions = Extension(hash) }));

    [Fact]
    public async Task An_unknown_hash_is_persisted_query_not_found_then_registering_it_makes_the_hash_alone_work()
    {
        await using var host = await GraphQLTestHost.StartAsync(server: s => s.AddAutomaticPersistedQueries());
        using var client = host.CreateClient();
        var hash = Sha256(Query);

        using var miss = await client.SendAsync(HashOnly(hash, new { t = "a" }), Cancellation);
        var missBody = await ReadJsonAsync(miss);
        using var register = await client.SendAsync(PostQuery(Query, new { t = "b" }, extensions: Extension(hash)), Cancellation);
        using var hit = await client.SendAsync(HashOnly(hash, new { t = "c" }), Cancellation);
        using var hitByGet = await client.GetAsync("/graphql?variables=" + Uri.EscapeDataString("""{"t":"d"}""") + "&extensions=" + Uri.EscapeDataString(JsonSerializer.Serialize(Extension(hash))), Cancellation);

        Assert.Equal("PersistedQueryNotFound", missBody.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", FirstErrorCode(missBody));
        Assert.Equal("b", (await ReadJsonAsync(register)).GetProperty("data").GetProperty("echo").GetString());
        Assert.Equal("c", (await ReadJsonAsync(hit)).GetProperty("data").GetProperty("echo").GetString());
        Assert.Equal(HttpStatusCode.OK, hitByGet.StatusCode);
        Assert.Equal("d", (await ReadJsonAsync(hitByGet)).GetProperty("data").GetProperty("echo").GetString());
    }

    [Fact]
    public async Task A_registered_hash_survives_the_document_cache_dropping_it()
    {
        await using var host = await GraphQLTestHost.StartAsync(o => o.DocumentCacheSize = 1, s => s.AddAutomaticPersistedQueries());
        using var client = host.CreateClient();
        var hash = Sha256(Query);

        using (await client.SendAsync(PostQuery(Query, new { t = "x" }, extensions: Extension(hash)), Cancellation))
        {
        }

        using (await client.SendAsync(PostQuery("{ hello }"), Cancellation))
        {
        }

        using var hit = await client.SendAsync(HashOnly(hash, new { t = "from store" }), Cancellation);

        Assert.Equal("from store", (await ReadJsonAsync(hit)).GetProperty("data").GetProperty("echo").GetString());
    }

    [Fact]
    public async Task A_document_that_does_not_match_its_hash_is_400_and_not_registered()
    {
        await using var host = await GraphQLTestHost.StartAsync(server: s => s.AddAutomaticPersistedQueries());
        using var client = host.CreateClient();
        var wrongHash = Sha256("{ hello }");

        using var mismatch = await client.SendAsync(PostQuery(Query, new { t = "x" }, extensions: Extension(wrongHash)), Cancellation);
        using var lookup = await client.SendAsync(HashOnly(wrongHash, null), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", FirstErrorCode(await ReadJsonAsync(mismatch)));
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", FirstErrorCode(await ReadJsonAsync(lookup)));
    }

    [Fact]
    public async Task Without_a_store_persisted_queries_are_not_supported()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.SendAsync(PostQuery(Query, new { t = "x" }, extensions: Extension(Sha256(Query))), Cancellation);

        Assert.Equal("PERSISTED_QUERY_NOT_SUPPORTED", FirstErrorCode(await ReadJsonAsync(response)));
    }
}
