namespace OrleansShop.Deploy.Tests.Support;

/// <summary>
/// Lints and builds everything under deploy/azure once for all tests, six CLI runs side by side (each is seconds of
/// start-up): <c>bicep lint</c> and <c>bicep build</c> on every .bicep file, <c>bicep build-params</c> on each
/// environment's parameter file, with the deployer's environment variables set to placeholders, and <c>bicep snapshot</c>
/// of each environment (dev with no variables, prod with the mail server's) in a copy of deploy/azure, since the CLI writes
/// a snapshot beside its parameter file.
/// </summary>
public sealed class DeploymentBuild : IAsyncLifetime
{
    /// <summary>A value the prod build reads for the token signing key, to show the value comes from the environment.</summary>
    public const string SigningKeyMarker = "signing-key-from-the-deployer-environment-0123456789";

    /// <summary>A value the prod build and snapshot read for the SMTP password, to show where it goes.</summary>
    public const string MailPasswordMarker = "smtp-password-from-the-deployer-environment-9876543210";

    /// <summary>The order mailer's settings the prod snapshot is taken with; dev's is taken with none (no mailer).</summary>
    public static readonly IReadOnlyDictionary<string, string> MailVariables = new Dictionary<string, string>
    {
        ["ORLEANSSHOP_MAIL_HOST"] = "smtp.mail.example.net",
        ["ORLEANSSHOP_MAIL_PORT"] = "465",
        ["ORLEANSSHOP_MAIL_TLS"] = "Implicit",
        ["ORLEANSSHOP_MAIL_FROM"] = "\"Example Shop\" <orders@shop.example.com>",
        ["ORLEANSSHOP_MAIL_USER"] = "orders@shop.example.com",
    };

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

    /// <summary>Each environment's predicted deployment, by environment name (dev, prod).</summary>
    public IReadOnlyDictionary<string, DeploymentSnapshot> Snapshots { get; private set; } = null!;

    public IReadOnlyDictionary<string, BicepRun> SnapshotRuns { get; private set; } = null!;

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

        var prodWithSecrets = new Dictionary<string, string>(ProdVariables.Concat(MailVariables))
        {
            ["ORLEANSSHOP_AUTH_SIGNING_KEY"] = SigningKeyMarker,
            ["ORLEANSSHOP_MAIL_PASSWORD"] = MailPasswordMarker,
        };
        var snapshotSource = Path.Combine(_outputDirectory, "source");
        CopyDirectory(deploy, snapshotSource);
        var lint = BicepCli.RunAsync(Bicep, ["lint", "--pattern", "**/*.bicep*"], deploy, ProdVariables);
        var build = BicepCli.RunAsync(Bicep, ["build", "--pattern", "**/*.bicep", "--outdir", _outputDirectory], deploy, ProdVariables);
        var dev = BicepCli.RunAsync(Bicep, ["build-params", "env/dev.bicepparam", "--outfile", Path.Combine(_outputDirectory, "dev.parameters.json")], deploy, new Dictionary<string, string>());
        var prod = BicepCli.RunAsync(Bicep, ["build-params", "env/prod.bicepparam", "--outfile", Path.Combine(_outputDirectory, "prod.parameters.json")], deploy, prodWithSecrets);
        var devSnapshot = BicepCli.RunAsync(Bicep, SnapshotArguments("dev"), snapshotSource, new Dictionary<string, string>());
        var prodSnapshot = BicepCli.RunAsync(Bicep, SnapshotArguments("prod"), snapshotSource, prodWithSecrets);
        await Task.WhenAll(lint, build, dev, prod, devSnapshot, prodSnapshot).ConfigureAwait(false);

        Lint = await lint.ConfigureAwait(false);
        Build = await build.ConfigureAwait(false);
        ParameterBuilds = new Dictionary<string, BicepRun> { ["dev"] = await dev.ConfigureAwait(false), ["prod"] = await prod.ConfigureAwait(false) };

        SnapshotRuns = new Dictionary<string, BicepRun> { ["dev"] = await devSnapshot.ConfigureAwait(false), ["prod"] = await prodSnapshot.ConfigureAwait(false) };
        Snapshots = SnapshotRuns.Keys
            .Select(env => (env, path: Path.Combine(snapshotSource, "env", env + ".snapshot.json")))
            .Where(p => File.Exists(p.path))
            .ToDictionary(p => p.env, p => new DeploymentSnapshot(JsonNode.Parse(File.ReadAllText(p.path))!.AsObject()));

        CompiledTemplates = Directory.EnumerateFiles(_outputDirectory, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".parameters.json", StringComparison.Ordinal) && !f.StartsWith(snapshotSource + Path.DirectorySeparatorChar, StringComparison.Ordinal))
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

    /// <summary>The environment's predicted deployment; fails with the CLI's output when there is none.</summary>
    public DeploymentSnapshot RequireSnapshot(string environment)
    {
        RequireBicep();
        Assert.True(Snapshots.ContainsKey(environment), $"{environment}.bicepparam gave no snapshot:\n" + SnapshotRuns[environment].Describe());
        return Snapshots[environment];
    }

    // Any ids do: the snapshot only needs them to name resources, and none is looked up.
    private static string[] SnapshotArguments(string environment) =>
    [
        "snapshot", $"env/{environment}.bicepparam", "--mode", "overwrite",
        "--tenant-id", "00000000-0000-0000-0000-00000000000a", "--subscription-id", "00000000-0000-0000-0000-00000000000b",
        "--resource-group", $"orleansshop-{environment}", "--location", "westeurope",
    ];

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
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
