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
        IReadOnlyList<IPrivacyHandler> handlers =
        [
            .. RegisteredHandlers.Of<IPersonalDataExporter>(services),
            .. RegisteredHandlers.Of<IErasureHandler>(services),
            .. RegisteredHandlers.Of<IRectificationHandler>(services),
            .. RegisteredHandlers.Of<IRetentionHandler>(services),
        ];
        var coverage = new ErasureCoverage(RegisteredHandlers.Of<IErasureHandler>(services).SelectMany(h => h.Covers), options.Value.Coverage);
        var features = new RecordsFeatures(
            ConsentLedger: registered.IsService(typeof(Storage.IConsentStore)) && RegisteredHandlers.Of<IErasureHandler>(services).Any(h => h is ConsentHistoryHandler),
            FreeText: registered.IsService(typeof(IFreeTextRedaction)));
        return RecordsBuilder.Build(options.Value, handlers, coverage, features);
    }

    public PrivacyNotice Notice(string? tenantId = null) => PrivacyNotice.From(Build(), tenantId);
}
