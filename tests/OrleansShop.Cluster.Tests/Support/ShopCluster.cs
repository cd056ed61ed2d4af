using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OrleansShop.Testing;

namespace OrleansShop.Cluster.Tests.Support;

/// <summary>The kinds of process a cluster test starts.</summary>
public enum NodeRole
{
    /// <summary>api/OrleansShop.Api co-hosting a silo, as deploy/local starts it.</summary>
    Api,

    /// <summary>silo/OrleansShop.Silo: a cluster member without GraphQL.</summary>
    Silo,

    /// <summary>api/OrleansShop.Api as a cluster client: it routes every grain call to the silo owning the grain.</summary>
    ApiClient,
}

/// <summary>
/// Processes forming one cluster on a fresh PostgreSQL database. The first API node also serves the payment sandbox,
/// which every silo's payment gateway uses (it stands for one external provider). Requests go to a node of the test's
/// choosing; <see cref="RetryAsync"/> retries on another live API node.
/// </summary>
public sealed class ShopCluster : IAsyncDisposable
{
    public const string AdminEmail = "admin@cluster.test";
    public const string AdminPassword = "admin-password-for-cluster-tests";
    public const string GoodCard = "4242424242424242";

    public static readonly object Address = new { name = "Ada Lovelace", line1 = "1 Analytical Way", city = "London", postalCode = "N1 9GU", country = "GB" };

    private readonly PostgresServerFixture _postgres;
    private readonly string _connectionString;
    private readonly Dictionary<string, string> _environment;
    private readonly List<string> _dataDirectories = [];
    private readonly ShopNode?[] _nodes;
    private readonly (int Http, int Silo, int Gateway)[] _ports;
    private readonly NodeRole[] _roles;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(40) };
    private int _next;

    private ShopCluster(PostgresServerFixture postgres, string connectionString, NodeRole[] roles, IReadOnlyDictionary<string, string>? settings)
    {
        _postgres = postgres;
        _connectionString = connectionString;
        _roles = roles;
        _nodes = new ShopNode?[roles.Length];
        _ports = [.. roles.Select(_ => (LoopbackPorts.Take(), LoopbackPorts.Take(), 0))];

        SandboxNode = Array.FindIndex(roles, r => r != NodeRole.Silo);
        _environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["OrleansShop__Storage__Provider"] = "postgres",
            ["OrleansShop__Storage__ConnectionString"] = connectionString,
            ["OrleansShop__Cluster__Enabled"] = "true",
            ["OrleansShop__Cluster__ClusterId"] = "test",
            ["OrleansShop__Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["OrleansShop__Payments__Sandbox__WebhookSecret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["OrleansShop__Payments__Sandbox__BaseUrl"] = $"http://127.0.0.1:{_ports[SandboxNode].Http}/",
            ["OrleansShop__Admin__Email"] = AdminEmail,
            ["OrleansShop__Admin__Password"] = AdminPassword,
            ["OrleansShop__Demo__Seed"] = "false",
            ["OrleansShop__RateLimiting__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",

            // A host that stops itself says so at Information ("Application is shutting down..."), and a cluster client's
            // gateway changes are Information too: a node that ends in a test says why.
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }
    }

    public int Size => _nodes.Length;

    /// <summary>The API node whose payment sandbox every silo uses.</summary>
    public int SandboxNode { get; }

    /// <summary><paramref name="size"/> API nodes, each co-hosting a silo.</summary>
    public static Task<ShopCluster> StartAsync(PostgresServerFixture postgres, int size, CancellationToken cancellationToken) =>
        StartAsync(postgres, [.. Enumerable.Repeat(NodeRole.Api, size)], cancellationToken);

    /// <summary>One node per role, started in order.</summary>
    public static Task<ShopCluster> StartAsync(PostgresServerFixture postgres, NodeRole[] roles, CancellationToken cancellationToken) =>
        StartAsync(postgres, roles, settings: null, cancellationToken);

    /// <summary>One node per role, started in order, with <paramref name="settings"/> (environment variables) added to every node's.</summary>
    public static async Task<ShopCluster> StartAsync(
        PostgresServerFixture postgres, NodeRole[] roles, IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        var cluster = new ShopCluster(postgres, await postgres.CreateDatabaseAsync(cancellationToken), roles, settings);
        try
        {
            for (var i = 0; i < roles.Length; i++)
            {
                await cluster.StartNodeAsync(i, cancellationToken);
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>The OpenTelemetry service name node <paramref name="index"/> reports under.</summary>
    public string NodeServiceName(int index) => $"orleansshop-node{index}-{_roles[index].ToString().ToLowerInvariant()}";

    public ShopNode Node(int index) => _nodes[index] ?? throw new InvalidOperationException($"Node {index} is not running.");

    public bool IsUp(int index) => _nodes[index] is { HasExited: false };

    /// <summary>The database all nodes share, for a test to look at the membership table.</summary>
    public string ConnectionString => _connectionString;

    /// <summary>Starts node <paramref name="index"/> (again) on its own ports and data directory.</summary>
    public Task StartNodeAsync(int index, CancellationToken cancellationToken) => StartNodeAsync(index, settings: null, cancellationToken);

    /// <summary>Starts node <paramref name="index"/> (again), with <paramref name="settings"/> over the cluster's own.</summary>
    public async Task StartNodeAsync(int index, IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        var data = Path.Combine(Path.GetTempPath(), $"orleansshop-cluster-{Guid.NewGuid():N}");
        _dataDirectories.Add(data);
        var environment = new Dictionary<string, string>(_environment)
        {
            ["OrleansShop__DataDirectory"] = data,
            // Telemetry names its source: each node is a service of its own.
            ["OTEL_SERVICE_NAME"] = NodeServiceName(index),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        if (_roles[index] == NodeRole.ApiClient)
        {
            environment["OrleansShop__Cluster__Mode"] = "Client";
            environment["Logging__LogLevel__Orleans"] = "Information";
        }

        var assembly = _roles[index] == NodeRole.Silo ? ShopNode.SiloAssembly : ShopNode.ApiAssembly;
        _nodes[index] = await ShopNode.StartAsync(assembly, environment, _ports[index].Http, _ports[index].Silo, _ports[index].Gateway, cancellationToken);
    }

    public void Kill(int index)
    {
        Node(index).Kill();
        _nodes[index] = null;
    }

    public async Task<int> StopNodeAsync(int index, CancellationToken cancellationToken)
    {
        var node = Node(index);
        _nodes[index] = null;
        var code = await node.StopAsync(TimeSpan.FromSeconds(60), cancellationToken);
        await node.DisposeAsync();
        return code;
    }

    /// <summary>The status code node <paramref name="index"/> answers a GET of <paramref name="path"/> with (e.g. <c>health/ready</c>).</summary>
    public async Task<HttpStatusCode> StatusAsync(int index, string path, CancellationToken cancellationToken) =>
        (await GetAsync(index, path, cancellationToken)).Status;

    /// <summary>The status code and body node <paramref name="index"/> answers a GET of <paramref name="path"/> with.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(int index, string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(Node(index).BaseAddress, path), cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Posts one GraphQL request to node <paramref name="index"/>; returns the whole response body.</summary>
    public async Task<JsonNode> PostAsync(int index, string query, object? variables = null, string? token = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Node(index).BaseAddress, "graphql"))
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonNode.Parse(body) ?? throw new InvalidOperationException($"Empty answer ({(int)response.StatusCode}).");
    }

    /// <summary>The response's data, failing the test on GraphQL errors.</summary>
    public async Task<JsonNode> DataAsync(int index, string query, object? variables = null, string? token = null, CancellationToken cancellationToken = default)
    {
        var body = await PostAsync(index, query, variables, token, cancellationToken);
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!;
    }

    /// <summary>
    /// Runs an idempotent request on the live nodes in turn until it answers without GraphQL errors or transport failure,
    /// for at most <paramref name="within"/>; returns the data and how many attempts failed first.
    /// </summary>
    public async Task<(JsonNode Data, int Failures)> RetryAsync(string query, object? variables, string? token, TimeSpan within, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + within;
        var failures = 0;
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var index = NextLiveNode();
            try
            {
                var body = await PostAsync(index, query, variables, token, cancellationToken);
                if (body["errors"] is null)
                {
                    return (body["data"]!, failures);
                }

                last = body.ToJsonString();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                last = ex.Message;
            }

            failures++;
            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"No node answered within {within} after {failures} failed attempts; last: {last}{Output()}");
    }

    public async Task<string> AdminTokenAsync(CancellationToken cancellationToken)
    {
        var (data, _) = await RetryAsync(
            "mutation($input: LoginInput!) { login(input: $input) { accessToken errors { code message } } }",
            new { input = new { email = AdminEmail, password = AdminPassword } }, null, TimeSpan.FromSeconds(60), cancellationToken);
        return data["login"]!["accessToken"]!.GetValue<string>();
    }

    public async Task<string> CreateProductAsync(int index, string adminToken, int initialStock, CancellationToken cancellationToken)
    {
        var sku = "SKU-" + Guid.NewGuid().ToString("N")[..10];
        var payload = (await DataAsync(
            index,
            "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } errors { code message } } }",
            new { input = new { sku, name = "Cluster test " + sku, description = "A product for the cluster tests.", price = 12.5m, initialStock } },
            adminToken, cancellationToken))["createProduct"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["product"]!["id"]!.GetValue<string>();
    }

    public async Task<(int Available, int OnHand, int Reserved)> StockAsync(int index, string productId, string adminToken, CancellationToken cancellationToken)
    {
        var stock = (await DataAsync(index, "query($id: ID) { product(id: $id) { stock { available onHand reserved } } }", new { id = productId }, adminToken, cancellationToken))["product"]!["stock"]!;
        return (stock["available"]!.GetValue<int>(), stock["onHand"]!.GetValue<int>(), stock["reserved"]!.GetValue<int>());
    }

    /// <summary>A card token from the sandbox on node 0, as a shopper's client gets one.</summary>
    public async Task<string> TokenizeAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(
            new Uri(Node(SandboxNode).BaseAddress, "sandbox/payments/tokens"),
            new { number = GoodCard, expMonth = 12, expYear = DateTime.UtcNow.Year + 2, cvc = "123" },
            cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken))!["token"]!.GetValue<string>();
    }

    /// <summary>
    /// A shopper on node 0 puts one of <paramref name="productId"/> in a cart, checks out and pays; answers the order's
    /// grain key (what the notification outbox records), not the API's Relay id.
    /// </summary>
    public async Task<string> PlaceAndPayOrderAsync(string productId, string card, string email, CancellationToken cancellationToken)
    {
        var cart = (await DataAsync(
            0,
            "mutation($input: AddCartItemInput!) { addCartItem(input: $input) { cart { id } errors { code message } } }",
            new { input = new { productId, quantity = 1 } }, cancellationToken: cancellationToken))["addCartItem"]!["cart"]!["id"]!.GetValue<string>();
        var order = (await DataAsync(
            0,
            "mutation($input: CheckoutInput!) { checkout(input: $input) { order { id } errors { code message } } }",
            new { input = new { cartId = cart, email, shippingAddress = Address, idempotencyKey = "checkout-" + cart } },
            cancellationToken: cancellationToken))["checkout"]!["order"]!["id"]!.GetValue<string>();
        var paid = (await DataAsync(
            0,
            "mutation($input: PayOrderInput!) { payOrder(input: $input) { order { status } errors { code message } } }",
            new { input = new { orderId = order, method = "CARD", cardToken = card, idempotencyKey = "pay-" + order } },
            cancellationToken: cancellationToken))["payOrder"]!;
        Assert.True(paid["order"]?["status"]?.GetValue<string>() == "PAID", paid.ToJsonString());
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(order)).Split(':', 2)[1];
    }

    /// <summary>How many orders node 0's admin order list (a read model fed by the domain events) shows as paid.</summary>
    public async Task<int> PaidOrderCountAsync(string adminToken, CancellationToken cancellationToken) =>
        (await DataAsync(0, "{ orders(first: 50, where: { status: [PAID] }) { totalCount } }", token: adminToken, cancellationToken: cancellationToken))
            ["orders"]!["totalCount"]!.GetValue<int>();

    /// <summary>
    /// Runs one of the hosts' maintenance commands (<c>dead-letters</c>, <c>migrate</c>) as an operator would beside this
    /// cluster: the API program from its build output, with the nodes' settings and <paramref name="settings"/> over them.
    /// </summary>
    public Task<ShopCommand.Result> RunCommandAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(_environment);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return ShopCommand.RunAsync(arguments, environment, cancellationToken);
    }

    /// <summary>The output of every node still running, for a failure message.</summary>
    public string Output() => string.Join(Environment.NewLine, _nodes.Select((n, i) => n is null ? "" : $"--- node {i}:{n.Output()}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        _http.Dispose();
        await _postgres.DropDatabaseAsync(_connectionString, CancellationToken.None);
        foreach (var directory in _dataDirectories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }

    /// <summary>One of the API nodes running now, in turn.</summary>
    private int NextLiveNode()
    {
        // Chosen among the API nodes up now. Stepping one shared counter over every node and skipping the others, concurrent
        // callers (a test's parallel retries) moved it under each other, so a caller could pass over the only live API
        // node and report "No API node is running" while that node ran.
        var live = Enumerable.Range(0, _nodes.Length).Where(i => _roles[i] != NodeRole.Silo && IsUp(i)).ToArray();
        if (live.Length == 0)
        {
            throw new InvalidOperationException("No API node is running." + Output());
        }

        return live[(int)((uint)Interlocked.Increment(ref _next) % (uint)live.Length)];
    }
}
