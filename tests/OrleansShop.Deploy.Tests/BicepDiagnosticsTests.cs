namespace OrleansShop.Deploy.Tests;

/// <summary>Every Bicep and parameter file under deploy/azure compiles and lints with no error and no warning.</summary>
public sealed class BicepDiagnosticsTests(DeploymentBuild build)
{
    [Fact]
    public void Every_bicep_and_bicepparam_file_lints_without_errors_or_warnings()
    {
        build.RequireBicep();
        Assert.Contains("main.bicep", build.SourceFiles);
        Assert.Contains(Path.Combine("env", "dev.bicepparam"), build.SourceFiles);
        Assert.Contains(Path.Combine("env", "prod.bicepparam"), build.SourceFiles);

        Assert.True(build.Lint.ExitCode == 0 && !build.Lint.Problems.Any(),
            "bicep lint found problems:\n" + string.Join('\n', build.Lint.Problems) + "\n" + build.Lint.Describe());
    }

    [Fact]
    public void Every_bicep_file_builds_without_errors_or_warnings()
    {
        build.RequireBicep();
        Assert.True(build.Build.ExitCode == 0 && !build.Build.Problems.Any(),
            "bicep build found problems:\n" + string.Join('\n', build.Build.Problems) + "\n" + build.Build.Describe());

        var bicepFiles = build.SourceFiles.Where(f => f.EndsWith(".bicep", StringComparison.Ordinal)).ToList();
        Assert.Equal(bicepFiles, build.CompiledTemplates.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Each_environment_parameter_file_builds_without_errors_or_warnings(string environment)
    {
        build.RequireBicep();
        var run = build.ParameterBuilds[environment];
        Assert.True(run.ExitCode == 0 && !run.Problems.Any(), $"{environment}.bicepparam:\n" + string.Join('\n', run.Problems) + "\n" + run.Describe());
        Assert.Equal(environment, build.Parameters[environment]["parameters"]?["environmentName"]?["value"]?.GetValue<string>());
    }

    /// <summary>The two tests above pass on silence; this one shows the CLI's warnings are heard, in the format they come in.</summary>
    [Fact]
    public async Task Lint_reports_the_warning_of_a_file_that_has_one()
    {
        build.RequireBicep();
        var directory = Directory.CreateTempSubdirectory("orleansshop-bicep-lint-").FullName;
        try
        {
            File.Copy(Path.Combine(BicepCli.DeployDirectory, "bicepconfig.json"), Path.Combine(directory, "bicepconfig.json"));
            await File.WriteAllTextAsync(Path.Combine(directory, "unused.bicep"), "param neverUsed string\n", TestContext.Current.CancellationToken);

            var run = await BicepCli.RunAsync(build.Bicep!, ["lint", "unused.bicep"], directory, new Dictionary<string, string>());

            var warning = Assert.Single(run.Problems);
            Assert.Equal(("Warning", "no-unused-params", 1), (warning.Level, warning.Code, warning.Line));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
