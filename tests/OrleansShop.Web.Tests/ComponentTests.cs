using System.Text.Json;
using OrleansShop.Web.Tests.Support;

namespace OrleansShop.Web.Tests;

/// <summary>
/// The web app's TypeScript type check and its Vitest suite (form validation, web/src/**/*.test.*). The type check runs
/// here, not in the build: vite only strips types, and checking them cost the first `dotnet run` 8 s.
/// </summary>
public sealed class ComponentTests
{
    [Fact]
    public async Task Vitest_form_validation_suite_passes()
    {
        var node = WebTools.RequireNode();
        var results = Path.Combine(Path.GetTempPath(), "vitest-" + Guid.NewGuid().ToString("N") + ".json");
        var (exitCode, output, error) = await WebTools.RunAsync(
            node, ["node_modules/vitest/vitest.mjs", "run", "--reporter=json", "--outputFile=" + results], WebTools.WebDirectory, TimeSpan.FromMinutes(3));
        Assert.True(exitCode == 0, $"vitest exited with {exitCode}:\n{output}\n{error}");

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(results, TestContext.Current.CancellationToken));
        File.Delete(results);
        var root = report.RootElement;
        Assert.Equal(0, root.GetProperty("numFailedTests").GetInt32());
        Assert.True(root.GetProperty("numPassedTests").GetInt32() >= 15, output);
    }

    [Fact]
    public async Task The_web_app_type_checks_against_the_generated_operation_types()
    {
        var node = WebTools.RequireNode();
        var (exitCode, output, error) = await WebTools.RunAsync(
            node, ["node_modules/typescript/bin/tsc", "--noEmit", "--pretty", "false"], WebTools.WebDirectory, TimeSpan.FromMinutes(3));

        Assert.True(exitCode == 0, $"tsc found type errors:\n{output}\n{error}");
    }
}
