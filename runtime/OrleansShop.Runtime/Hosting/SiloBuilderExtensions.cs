using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansShop.Runtime.Catalog;
using OrleansShop.Runtime.Reminders;
using OrleansShop.Runtime.Serialization;
using OrleansShop.Runtime.Storage;

namespace OrleansShop.Runtime.Hosting;

/// <summary>The silo builder's vocabulary. Storage and reminder providers in other assemblies add their own the same way.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Registers the grain classes of an assembly (scanned when the silo starts).</summary>
    public static ISiloBuilder AddGrains(this ISiloBuilder silo, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(assembly);
        silo.Services.AddSingleton(new GrainAssembly(assembly));
        return silo;
    }

    public static ISiloBuilder Configure<TOptions>(this ISiloBuilder silo, Action<TOptions> configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.Configure(configure);
        return silo;
    }

    /// <summary>Registers a grain storage provider under <paramref name="name"/>, as [PersistentState(..., storageName)] refers to it.</summary>
    public static ISiloBuilder AddGrainStorage(this ISiloBuilder silo, string name, Func<IServiceProvider, IGrainStorage> factory)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => factory(sp));
        return silo;
    }

    public static ISiloBuilder AddMemoryGrainStorage(this ISiloBuilder silo, string name = PersistentStateAttribute.DefaultStorageName) =>
        silo.AddGrainStorage(name, sp => new MemoryGrainStorage(sp.GetRequiredService<GrainJsonSerializer>()));

    /// <summary>Uses <paramref name="factory"/>'s table for reminder definitions (one per silo).</summary>
    public static ISiloBuilder UseReminderTable(this ISiloBuilder silo, Func<IServiceProvider, IReminderTable> factory)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(factory);
        silo.Services.RemoveAll<IReminderTable>();
        silo.Services.AddSingleton(factory);
        return silo;
    }

    /// <summary>Keeps reminders in memory; pass a shared <paramref name="table"/> to let several silos (or restarts) see the same definitions.</summary>
    public static ISiloBuilder UseInMemoryReminderTable(this ISiloBuilder silo, InMemoryReminderTable? table = null)
    {
        table ??= new InMemoryReminderTable();
        return silo.UseReminderTable(_ => table);
    }

    public static ISiloBuilder AddIncomingGrainCallFilter<TFilter>(this ISiloBuilder silo)
        where TFilter : class, IIncomingGrainCallFilter
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return silo;
    }

    public static ISiloBuilder AddOutgoingGrainCallFilter<TFilter>(this ISiloBuilder silo)
        where TFilter : class, IOutgoingGrainCallFilter
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<IOutgoingGrainCallFilter, TFilter>();
        return silo;
    }
}
