global using Xunit;

[assembly: AssemblyFixture(typeof(OrleansShop.Web.Tests.Support.ShopProcess))]
