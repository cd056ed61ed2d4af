namespace OrleansShop.Silo.Hosting;

/// <summary>How the read models' PostgreSQL connection signs in (<c>OrleansShop:ReadModels:Authentication</c>).</summary>
public enum ReadModelAuthentication
{
    /// <summary>As the connection string says: a password in it, a password file, trust, or a client certificate.</summary>
    Password,

    /// <summary>
    /// The process's Azure identity (a managed identity in Azure): an Entra access token for Azure Database for PostgreSQL
    /// is the password; the connection string's user name is the identity's name and holds no password.
    /// </summary>
    ManagedIdentity,
}
