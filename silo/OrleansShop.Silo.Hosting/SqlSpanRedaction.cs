using System.Diagnostics;
using OpenTelemetry;

namespace OrleansShop.Silo.Hosting;

/// <summary>
/// Takes out of SQL spans, before any exporter sees them, what names the database connection: Npgsql tags every span with
/// its data source's name, which for a connection opened from a connection string is that string (without the password,
/// but with host, user and options). The database's name (<c>db.namespace</c>) and server address stay.
/// </summary>
internal sealed class SqlSpanRedaction : BaseProcessor<Activity>
{
    public const string NpgsqlDataSourceTag = "db.npgsql.data_source";

    public override void OnEnd(Activity data)
    {
        if (data.Source.Name == "Npgsql")
        {
            data.SetTag(NpgsqlDataSourceTag, null);
        }
    }
}
