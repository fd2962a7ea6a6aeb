using Hyperion.Cli.Callbacks.Ispyb;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.Engine.Documents;

namespace Hyperion.Cli.Callbacks.Zocalo;

/// <summary>mx-bluesky's <c>ZocaloInfoGenerator</c>: given each start document inside the triggering run, the collections to start.</summary>
public interface IZocaloStartInfoGenerator
{
    /// <summary>The start infos this start document adds (filename still unset).</summary>
    /// <param name="start">A start document inside the triggering run.</param>
    /// <param name="tags">The ISPyB tags known then.</param>
    IReadOnlyList<ZocaloStartInfo> Next(RunStart start, IspybTags tags);
}
