namespace OrleansShop.ReadModels.Tests;

public sealed class ReadModelDatabaseTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("readmodels-").FullName;

    [Fact]
    public async Task Sqlite_read_models_live_in_their_own_WAL_file_in_the_data_directory()
    {
        var database = ReadModelDatabase.ForSqliteFile(Path.Combine(_directory, ReadModelDatabase.SqliteFileName));
        await using var connection = await database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        Assert.True(File.Exists(Path.Combine(_directory, ReadModelDatabase.SqliteFileName)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
