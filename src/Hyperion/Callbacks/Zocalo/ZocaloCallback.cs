using Hyperion.Cli.Callbacks.Ispyb;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Experiments.Errors;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.Engine.Documents;

namespace Hyperion.Cli.Callbacks.Zocalo;

/// <summary>
/// mx-bluesky's <c>ZocaloCallback</c>, fed by an ISPyB callback: inside the triggering sub-plan's run, the start
/// infos come from the start documents (with the ISPyB tags); on the <c>zocalo_read_hardware_plan</c> event each is
/// sent as a run start with the Odin file writer id as filename; at the triggering run's stop every started dcid gets
/// a run end. A triggering run that started nothing is an <see cref="IspybDepositionNotMadeException"/>.
/// </summary>
public sealed class ZocaloCallback : IIspybTaggedDocumentHandler
{
    private readonly string _triggeringPlan;
    private readonly Func<IZocaloStartInfoGenerator> _generatorFactory;
    private readonly Dictionary<string, string> _descriptorNames = new(StringComparer.Ordinal);
    private readonly List<ZocaloStartInfo> _pending = [];
    private readonly List<ZocaloStartInfo> _started = [];
    private IZocaloStartInfoGenerator _generator;
    private string? _runUid;

    /// <summary>Creates the callback.</summary>
    /// <param name="triggeringPlan">The <c>subplan_name</c> of the run inside which collections are triggered.</param>
    /// <param name="trigger">Sends the messages.</param>
    /// <param name="generatorFactory">Makes a fresh start-info generator per triggering run.</param>
    public ZocaloCallback(string triggeringPlan, ZocaloTrigger trigger, Func<IZocaloStartInfoGenerator> generatorFactory)
    {
        _triggeringPlan = triggeringPlan ?? throw new ArgumentNullException(nameof(triggeringPlan));
        Trigger = trigger ?? throw new ArgumentNullException(nameof(trigger));
        _generatorFactory = generatorFactory ?? throw new ArgumentNullException(nameof(generatorFactory));
        _generator = generatorFactory();
    }

    /// <summary>The Zocalo trigger used.</summary>
    public ZocaloTrigger Trigger { get; }

    /// <inheritdoc />
    public async Task HandleAsync(DocumentName name, Document document, IspybTags tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        switch (document)
        {
            case RunStart start:
                if (start.GetString("subplan_name") == _triggeringPlan)
                {
                    _runUid = start.Uid;
                }

                if (_runUid is not null)
                {
                    _pending.AddRange(_generator.Next(start, tags));
                }

                break;
            case EventDescriptor descriptor:
                _descriptorNames[descriptor.Uid] = descriptor.Name;
                break;
            case Event ev when _descriptorNames.GetValueOrDefault(ev.Descriptor) == DescriptorNames.ZocaloHwRead:
                var data = new EventData(ev, DescriptorNames.ZocaloHwRead);
                var filename = data.OptionalString("eiger_odin_file_writer_id", "eiger-odin-file_writer-id") ?? throw data.Missing("eiger-odin-file_writer-id");
                foreach (var info in _pending)
                {
                    var withFile = info with { Filename = filename };
                    await Trigger.RunStartAsync(withFile, cancellationToken).ConfigureAwait(false);
                    _started.Add(withFile);
                }

                _pending.Clear();
                break;
            case RunStop stop when stop.RunStartUid == _runUid:
                try
                {
                    if (_started.Count == 0)
                    {
                        throw new IspybDepositionNotMadeException($"No ISPyB IDs received by the end of triggering_plan='{_triggeringPlan}'");
                    }

                    foreach (var info in _started)
                    {
                        await Trigger.RunEndAsync(info.IspybDcid, cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    _runUid = null;
                    _pending.Clear();
                    _started.Clear();
                    _descriptorNames.Clear();
                    _generator = _generatorFactory();
                }

                break;
        }
    }
}
