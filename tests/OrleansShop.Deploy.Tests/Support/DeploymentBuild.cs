namespace OrleansShop.Deploy.Tests.Support;

/// <summary>
/// Lints and builds everything under deploy/azure once for all tests, four CLI runs side by side (each is seconds of
/// start-up): <c>bicep lint</c> and <c>bicep build</c> on every .bicep file, and <c>bicep build-params</c> on each
/// environment's parameter file, with the deployer's environment variables set to placeholders.
/// </summary>
public sealed class DeploymentBuild : IAsyncLifetime
{
    /// <summary>A value the prod build reads for the token signing key, to show the value comes from the environment.</summary>
    public const string SigningKeyMarker = "signing-key-from-the-deployer-environment-0123456789";

    /// <summary>The variables prod.bicepparam requires; dev needs none.</summary>
    public static readonly IReadOnlyDictionary<string, string> ProdVariables = new Dictionary<string, string>
    {
        ["ORLEANSSHOP_IMAGE_TAG"] = "1.2.3",
        ["ORLEANSSHOP_SQL_ADMIN_GROUP"] = "orleansshop-sql-admins",
        ["ORLEANSSHOP_SQL_ADMIN_GROUP_ID"] = "00000000-0000-0000-0000-000000000001",
        ["ORLEANSSHOP_CUSTOM_DOMAIN"] = "shop.example.com",
    };

    private string? _outputDirectory;

    public string? UnavailableReason { get; private set; }

    public string? Bicep { get; private set; }

    public BicepRun Lint { get; private set; } = null!;

    public BicepRun Build { get; private set; } = null!;

    public IReadOnlyDictionary<string, BicepRun> ParameterBuilds { get; private set; } = null!;

    /// <summary>main.bicep compiled: the whole environment, modules nested.</summary>
    public ArmTemplate Main { get; private set; } = null!;

    /// <summary>Every .bicep and .bicepparam file under deploy/azure, relative to it.</summary>
    public IReadOnlyList<string> SourceFiles { get; private set; } = null!;

    /// <summary>Each compiled template, by its source file relative to deploy/azure.</summary>
    public IReadOnlyDictionary<string, string> CompiledTemplates { get; private set; } = null!;

    /// <summary>Each environment's compiled parameter file, by environment name (dev, prod).</summary>
    public IReadOnlyDictionary<string, JsonNode> Parameters { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Bicep = BicepCli.Find(out var reason);
        if (Bicep is null)
        {
            UnavailableReason = reason;
            return;
        }

        var deploy = BicepCli.DeployDirectory;
        SourceFiles = Directory.EnumerateFiles(deploy, "*.bicep*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".bicep", StringComparison.Ordinal) || f.EndsWith(".bicepparam", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(deploy, f))
            .Order(StringComparer.Ordinal)
            .ToList();
        _outputDirectory = Directory.CreateTempSubdirectory("orleansshop-bicep-").FullName;

        var prodWithSecret = new Dictionary<string, string>(ProdVariables) { ["ORLEANSSHOP_AUTH_SIGNING_KEY"] = SigningKeyMarker };
        var lint = BicepCli.RunAsync(Bicep, ["lint", "--pattern", "**/*.bicep*"], deploy, ProdVariables);
        var build = BicepCli.RunAsync(Bicep, ["build", "--pattern", "**/*.bicep", "--outdir", _outputDirectory], deploy, ProdVariables);
        var dev = BicepCli.RunAsync(Bicep, ["build-params", "env/dev.bicepparam", "--outfile", Path.Combine(_outputDirectory, "dev.parameters.json")], deploy, new Dictionary<string, string>());
        var prod = BicepCli.RunAsync(Bicep, ["build-params", "env/prod.bicepparam", "--outfile", Path.Combine(_outputDirectory, "prod.parameters.json")], deploy, prodWithSecret);
        await Task.WhenAll(lint, build, dev, prod).ConfigureAwait(false);

        Lint = await lint.ConfigureAwait(false);
        Build = await build.ConfigureAwait(false);
        ParameterBuilds = new Dictionary<string, BicepRun> { ["dev"] = await dev.ConfigureAwait(false), ["prod"] = await prod.ConfigureAwait(false) };

        CompiledTemplates = Directory.EnumerateFiles(_outputDirectory, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".parameters.json", StringComparison.Ordinal))
            .ToDictionary(f => Path.ChangeExtension(Path.GetRelativePath(_outputDirectory, f), ".bicep"), File.ReadAllText);
        Parameters = ParameterBuilds.Keys
            .Select(env => (env, path: Path.Combine(_outputDirectory, env + ".parameters.json")))
            .Where(p => File.Exists(p.path))
            .ToDictionary(p => p.env, p => JsonNode.Parse(File.ReadAllText(p.path))!);
        if (CompiledTemplates.TryGetValue("main.bicep", out var main))
        {
            Main = ArmTemplate.Parse(main);
        }
    }

    /// <summary>Skips the calling test when the CLI cannot run here (fails it under CI=true).</summary>
    public void RequireBicep()
    {
        if (Bicep is not null)
        {
            return;
        }

        if (BicepCli.IsCi)
        {
            Assert.Fail($"The Bicep CLI is required under CI=true, but {UnavailableReason}.");
        }

        Assert.Skip($"Skipped: {UnavailableReason}.");
    }

    /// <summary>The compiled main template; fails with the build's output when there is none.</summary>
    public ArmTemplate RequireMain()
    {
        RequireBicep();
        Assert.True(Main is not null, "main.bicep did not compile:\n" + Build.Describe());
        return Main;
    }

    public ValueTask DisposeAsync()
    {
        if (_outputDirectory is not null && Directory.Exists(_outputDirectory))
        {
            Directory.Delete(_outputDirectory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
