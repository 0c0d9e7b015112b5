using GoSmart.Privacy.Requests.Engine;
using GoSmart.Privacy.Requests.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoSmart.Privacy.Records;

/// <summary>Reads the registered handlers from a scope and the options, and hands them to <see cref="RecordsBuilder"/>.</summary>
internal sealed class RecordsOfProcessingService(IServiceScopeFactory scopes, IServiceProviderIsService registered, IOptions<PrivacyOptions> options) : IRecordsOfProcessing
{
    public RecordsOfProcessing Build()
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var erasers = RegisteredHandlers.Of<IErasureHandler>(services); // resolved once: a handler source may build its handlers per call
        IReadOnlyList<IPrivacyHandler> handlers =
        [
            .. RegisteredHandlers.Of<IPersonalDataExporter>(services),
            .. erasers,
            .. RegisteredHandlers.Of<IRectificationHandler>(services),
            .. RegisteredHandlers.Of<IRetentionHandler>(services),
        ];
        var coverage = new ErasureCoverage(erasers.SelectMany(h => h.Covers), options.Value.Coverage);
        var features = new RecordsFeatures(ConsentLedger: erasers.Any(h => h is ConsentHistoryHandler), FreeText: registered.IsService(typeof(IFreeTextRedaction)));
        return RecordsBuilder.Build(options.Value, handlers, coverage, features);
    }

    public PrivacyNotice Notice(string? tenantId = null) => PrivacyNotice.From(Build(), tenantId);
}
