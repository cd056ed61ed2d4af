using OrleansShop.Testing;

namespace OrleansShop.Api.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster that asks every connection for a password (SCRAM-SHA-256, as Azure Database for
/// PostgreSQL checks an Entra token sent as the password), its superuser's password known to the tests only.
/// </summary>
public sealed class PasswordPostgresServerFixture : PostgresServerFixture
{
    protected override string? SuperuserPassword { get; } = "superuser-" + Guid.NewGuid().ToString("N");
}
