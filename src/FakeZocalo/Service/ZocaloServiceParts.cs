using Hyperion.FakeZocalo.Analysis;
using Hyperion.FakeZocalo.Ispyb;
using Hyperion.FakeZocalo.Transport;

namespace Hyperion.FakeZocalo.Service;

/// <summary>The pieces a FakeZocalo process works with: ISPyB, the per-image analysis, the centring and how results go out.</summary>
/// <param name="Catalog">Where collections are looked up (ISPyB).</param>
/// <param name="Analyser">The per-image analysis.</param>
/// <param name="Centring">The X-ray centring.</param>
/// <param name="Publisher">Makes the result publisher for a transport and topology.</param>
public sealed record ZocaloServiceParts(
    ICollectionCatalog Catalog,
    IFrameAnalyser Analyser,
    ICentringComputer Centring,
    Func<ITransport, ZocaloTopology, IResultPublisher> Publisher)
{
    /// <summary>The real parts: ISPyB from <paramref name="store"/>, DLS's centring, results as DLS publishes them.</summary>
    public static ZocaloServiceParts Create(IIspybStore store, IFrameAnalyser analyser, ZocaloServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ZocaloServiceParts(
            new IspybCollectionCatalog(store),
            analyser,
            new DlsCentring(options.Centring),
            (transport, topology) => new XrcResultPublisher(transport, topology, options.MarkResultsGpu));
    }
}
