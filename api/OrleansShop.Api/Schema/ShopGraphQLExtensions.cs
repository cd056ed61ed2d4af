using HotChocolate.Language;
using HotChocolate.AspNetCore;
using HotChocolate.Execution;
using HotChocolate.PersistedOperations;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OrleansShop.Api.Auth;
using OrleansShop.Api.Limits;

namespace OrleansShop.Api.Schema;

public static class ShopGraphQLExtensions
{
    /// <summary>Deepest selection accepted: the contract's deepest sensible query (an order's lines' products' categories' parents) is about 8.</summary>
    public const int MaxExecutionDepth = 15;

    /// <summary>Largest request body: the contract's biggest honest request (an admin's product with its images and attributes) is a few KiB.</summary>
    public const int MaxRequestSize = 1024 * 1024;

    /// <summary>Most syntax nodes (fields, arguments, values, names...) in a document.</summary>
    public const int MaxDocumentNodes = 10_000;

    /// <summary>
    /// HotChocolate over the contract schema: HTTP (GET, POST, ?sdl), graphql-transport-ws, Nitro in a browser, cost
    /// analysis with our per-client budget, authorization on ASP.NET Core policies, automatic persisted operations.
    /// </summary>
    public static IServiceCollection AddShopGraphQL(this IServiceCollection services, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        services.AddShopPolicies();

        // Operation spans and metrics join the process's OpenTelemetry pipeline when one is built (an OTLP endpoint is set).
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(OperationTelemetry.Name));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(OperationTelemetry.Name));
        services
            .AddGraphQLServer(maxAllowedRequestSize: MaxRequestSize)
            .AddShopSchema()
            .AddShopAuthorization()
            .AddErrorFilter(_ => new ShopErrorFilter(includeExceptionDetails: environment.IsDevelopment()))
            .AddSocketSessionInterceptor<WebSocketAuthentication>()
            .AddHttpResponseFormatter<ShopResponseFormatter>()
            .AddDiagnosticEventListener(s => new ServerErrorLog(s.GetRootServiceProvider().GetRequiredService<ILogger<ServerErrorLog>>()))
            .AddDiagnosticEventListener(s => new ExecutionErrorLog(s.GetRootServiceProvider().GetRequiredService<ILogger<ExecutionErrorLog>>()))
            .AddDiagnosticEventListener(_ => new OperationTelemetry())
            .ModifyRequestOptions(o => o.IncludeExceptionDetails = environment.IsDevelopment())
            // A storefront's category page (top categories, each with a page of 20 products, prices and stock) is estimated at
            // about 4,600 with the list sizes of ListSizes: the default limit of 1,000 would refuse it.
            .ModifyCostOptions(o =>
            {
                o.MaxFieldCost = 5_000;
                o.MaxTypeCost = 5_000;
                o.EnforceCostLimits = true;
            })
            // Parsing is linear in a document's syntax nodes, but what follows is not always (a refusal listing 20,000
            // unused variables ran to 149 KB): the IDE's introspection query has about 400 nodes.
            .ModifyParserOptions(o => o.MaxAllowedNodes = MaxDocumentNodes)
            .AddMaxExecutionDepthRule(MaxExecutionDepth, skipIntrospectionFields: true)
            // HotChocolate 16's semantic introspection adds __SearchResult and __SchemaDefinition to the introspected types:
            // names the specification reserves, so graphql-js's buildClientSchema (and the codegen tools on it) refuse the schema.
            .ModifyOptions(o => o.EnableSemanticIntrospection = false)
            // The IDE and client code generation introspect the schema in every environment (inside the cost limits).
            .DisableIntrospection(false)
            .ModifyServerOptions(o =>
            {
                o.Tool.ServeMode = ChilliCream.Nitro.App.ServeMode.Embedded;

                // A first visitor sees the shop's API at work (a search and the cart mutations), not the IDE's welcome page.
                o.Tool.Document = IdeExample.Document;

                // Nitro would report usage to ChilliCream from every admin's browser; the shop sends nothing off the machine.
                o.Tool.DisableTelemetry = true;

                // No request batching (an array of operations) and no variable batching (an array of variable sets, one
                // execution each): both multiply one request's work past the cost analysis and the budget, which see one
                // operation; the shop's clients send one operation per request.
                o.Batching = AllowedBatching.None;
            })
            // Automatic persisted operations as Apollo's clients send them: the SHA-256 of the document in hex.
            .AddSha256DocumentHashProvider(HashFormat.Hex)
            .UseAutomaticPersistedOperationPipeline()
            .ConfigureSchemaServices(s => s.AddSingleton<IOperationDocumentStorage, BoundedOperationDocumentStorage>())
            .UseRequest(
                (_, next) => new ExpandedSelectionLimitMiddleware(next).InvokeAsync,
                ExpandedSelectionLimitMiddleware.Key,
                before: WellKnownRequestMiddleware.DocumentValidationMiddleware)
            .UseRequest(
                (_, next) => new QueryCostBudgetMiddleware(next).InvokeAsync,
                QueryCostBudgetMiddleware.Key,
                before: WellKnownRequestMiddleware.OperationExecutionMiddleware);
        return services;
    }
}
