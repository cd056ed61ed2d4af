global using System.Text.Json.Nodes;
global using OrleansShop.Deploy.Tests.Support;
global using Xunit;

[assembly: AssemblyFixture(typeof(DeploymentBuild))]
