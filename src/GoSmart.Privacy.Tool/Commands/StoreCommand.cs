using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace GoSmart.Privacy.Tool.Commands;

/// <summary>What commands that read the store share: the options, the check, and the services built on it.</summary>
internal sealed class StoreCommand
{
    private StoreCommand(Option<string?> connection, Option<FileInfo?> assembly, Option<string?> designTime)
    {
        Connection = connection;
        Assembly = assembly;
        DesignTime = designTime;
    }

    public Option<string?> Connection { get; }

    public Option<FileInfo?> Assembly { get; }

    public Option<string?> DesignTime { get; }

    /// <summary>Adds the store options to <paramref name="command"/>; <paramref name="needsHandlers"/> makes <c>--assembly</c> required.</summary>
    public static StoreCommand On(Command command, bool needsHandlers)
    {
        var options = new StoreCommand(CliOptions.Connection(), CliOptions.Assembly(needsHandlers), CliOptions.DesignTime());
        command.Options.Add(options.Connection);
        command.Options.Add(options.Assembly);
        command.Options.Add(options.DesignTime);
        return options;
    }

    /// <summary>Checks the store and builds the SDK on it: as the host configures it when an assembly is given, otherwise with the defaults.</summary>
    public async Task<ServiceProvider> OpenAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var connection = Stores.Require(result.GetValue(Connection));
        await Stores.CheckAsync(connection, cancellationToken);
        if (result.GetValue(Assembly) is { } file)
        {
            return HostAssembly.Load(file.FullName).BuildServices(connection, result.GetValue(DesignTime), required: true);
        }

        var services = new ServiceCollection();
        services.AddLogging();
        Stores.AddDefaults(services, connection, "gosmart-privacy");
        return services.BuildServiceProvider();
    }
}
