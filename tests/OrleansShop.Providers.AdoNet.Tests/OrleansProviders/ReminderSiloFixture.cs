namespace OrleansShop.Providers.AdoNet.Tests.OrleansProviders;

/// <summary>A silo whose reminders live in Orleans' ADO.NET reminder table, with a 1 s minimum period for the test.</summary>
public sealed class ReminderSiloFixture(PostgresServerFixture server) : OrleansSiloFixture(server)
{
    protected override void ConfigureSilo(ISiloBuilder silo, string connectionString)
    {
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = AdoNetInvariants.PostgreSql;
            options.ConnectionString = connectionString;
        });
        silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    }
}
