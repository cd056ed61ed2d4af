namespace OrleansShop.Runtime.Sql.Tests;

public sealed class OptionsValidationTests
{
    public static TheoryData<string, Action<SqliteStorageOptions>> InvalidSqliteOptions => new()
    {
        { nameof(SqliteStorageOptions.ServiceId), o => o.ServiceId = " " },
        { nameof(SqliteStorageOptions.ServiceId), o => o.ServiceId = new string('s', 65) },
        { nameof(SqliteStorageOptions.MaxPayloadBytes), o => o.MaxPayloadBytes = 0 },
        { nameof(SqliteStorageOptions.DataDirectory), o => o.DataDirectory = "" },
        { nameof(SqliteStorageOptions.DatabaseFileName), o => o.DatabaseFileName = "a/b.db" },
        { nameof(SqliteStorageOptions.ReadConnections), o => o.ReadConnections = 0 },
        { nameof(SqliteStorageOptions.MaxWriteBatchSize), o => o.MaxWriteBatchSize = 0 },
        { nameof(SqliteStorageOptions.BusyTimeout), o => o.BusyTimeout = TimeSpan.FromSeconds(-1) },
    };

    [Theory]
    [MemberData(nameof(InvalidSqliteOptions))]
    public void Invalid_sqlite_options_are_refused_naming_the_setting(string setting, Action<SqliteStorageOptions> breakIt)
    {
        var options = new SqliteStorageOptions { DataDirectory = Path.Combine(Path.GetTempPath(), "never-created-" + Guid.NewGuid().ToString("N")) };
        breakIt(options);

        var refused = Assert.Throws<InvalidOperationException>(() => SqlGrainStorage.CreateSqlite("store", options));

        Assert.Contains(setting, refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(options.DataDirectory) && options.DataDirectory.Length > 0 && setting != nameof(SqliteStorageOptions.DataDirectory));
    }

    [Fact]
    public void Default_sqlite_options_put_the_database_under_data_in_the_current_directory()
    {
        var options = new SqliteStorageOptions();

        options.Validate();

        Assert.Equal(Path.GetFullPath("./data/orleansshop.db"), options.DatabasePath);
        Assert.Equal(1024 * 1024, options.MaxPayloadBytes);
        Assert.Equal(SqliteSynchronousMode.Normal, options.Synchronous);
        Assert.True(options.MigrateSchemaOnStartup);
        Assert.False(options.DeleteStateOnClear);
    }

    [Fact]
    public void Postgres_options_need_a_valid_connection_string()
    {
        Assert.Contains("ConnectionString", Assert.Throws<InvalidOperationException>(() => new PostgresStorageOptions().Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionString", Assert.Throws<InvalidOperationException>(
            () => new PostgresStorageOptions { ConnectionString = "Host=x;NoSuchKeyword=1" }.Validate()).Message, StringComparison.Ordinal);
        new PostgresStorageOptions { ConnectionString = "Host=x;Database=shop" }.Validate();
    }
}
