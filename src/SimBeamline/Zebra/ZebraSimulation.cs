using Hyperion.ChannelAccess.Server;
using Hyperion.ChannelAccess.SoftIoc.Database;
using Hyperion.SimBeamline.Behaviours;

namespace Hyperion.SimBeamline.Zebra;

/// <summary>
/// The twin's Zebra: its system bus evaluated from the records as the real box wires it — TTL inputs, soft inputs,
/// the position-compare block (arm, a position or time gate on an encoder, time or position pulses while the gate
/// is open), AND and OR gates with their enable and invert masks, and the TTL outputs' source selections. A rising
/// edge on the detector output raises <see cref="DetectorTriggered"/>; the auto-shutter AND gate's level raises
/// <see cref="AutoShutterChanged"/>. Encoders 1 to 4 follow the smargon's x, y, z and omega (I03's axes).
/// </summary>
public sealed class ZebraSimulation : TwinController<ZebraCommand>
{
    private const int InputCount = 4;
    private static readonly int[] InputSources = [1, 4, 7, 10];
    private static readonly string[] EncoderAxes = ["X", "Y", "Z", "OMEGA"];

    private readonly TwinPvWriter _zebra;
    private readonly TimeProvider _time;
    private readonly List<IDisposable> _encoderSubscriptions = [];
    private readonly double[] _encoders = new double[InputCount];
    private readonly double[] _previousEncoders = new double[InputCount];
    private readonly long[] _encoderTimes = new long[InputCount];
    private readonly long[] _previousEncoderTimes = new long[InputCount];
    private readonly bool[] _inputs = new bool[InputCount];
    private readonly int _detectorOutput;
    private readonly int _autoShutterGate;
    private CancellationTokenSource? _pulseTrain;
    private bool _armed;
    private bool _gate;
    private bool _pulse;
    private int _gateGeneration;
    private int _timeGate;
    private double? _lastTravelled;
    private int _positionPulses;
    private bool _detectorLevel;
    private bool? _shutterLevel;
    private object? _pulseContext;
    private long? _pulseAt;
    private long? _gateChangedAt;

    /// <summary>Starts the Zebra at <paramref name="prefix"/> (e.g. BL03S-EA-ZEBRA-01:), following the smargon at <paramref name="smargonPrefix"/>.</summary>
    /// <param name="records">The twin's records.</param>
    /// <param name="prefix">The Zebra's PV prefix.</param>
    /// <param name="smargonPrefix">The smargon's PV prefix (encoders).</param>
    /// <param name="detectorOutput">The TTL output wired to the detector (i03: 1).</param>
    /// <param name="autoShutterGate">The AND gate that drives the shutter in auto mode (i03: 2).</param>
    /// <param name="timeProvider">The twin's clock (default: the records').</param>
    public ZebraSimulation(RecordDatabase records, string prefix, string smargonPrefix, int detectorOutput = 1, int autoShutterGate = 2, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        _zebra = new TwinPvWriter(records, prefix);
        _time = timeProvider ?? records.TimeProvider;
        _detectorOutput = detectorOutput;
        _autoShutterGate = autoShutterGate;

        // Record events run under the database's lock: they only queue.
        _zebra.Record("PC_ARM").Processed += _ => Post(new ZebraCommand(ZebraCommandKind.Arm));
        _zebra.Record("PC_DISARM").Processed += _ => Post(new ZebraCommand(ZebraCommandKind.Disarm));
        foreach (var wiring in WiringRecords())
        {
            if (records.FindRecord(prefix + wiring) is { } record)
            {
                record.Processed += _ => Post(new ZebraCommand(ZebraCommandKind.Rewire));
            }
        }

        for (var i = 0; i < EncoderAxes.Length; i++)
        {
            var encoder = i + 1;
            if (records.Find($"{smargonPrefix}{EncoderAxes[i]}.RBV") is { } readback)
            {
                _encoders[i] = readback.Read().GetDouble();
                _encoderSubscriptions.Add(readback.Subscribe(update => Post(new ZebraCommand(ZebraCommandKind.Encoder, encoder, Context: update.Value.GetDouble()))));
            }
        }

        Start();
    }

    /// <summary>A rising edge on the detector's TTL output.</summary>
    public event Action<ZebraTrigger>? DetectorTriggered;

    /// <summary>The auto-shutter AND gate changed level (true: open).</summary>
    public event Action<bool>? AutoShutterChanged;

    /// <summary>
    /// When the auto-shutter gate last changed on the twin's clock, counting back the lateness of a position gate
    /// noticed between readbacks (read it in <see cref="AutoShutterChanged"/>).
    /// </summary>
    public long ShutterGateChangedAt { get; private set; }

    /// <summary>True while the position compare is armed.</summary>
    public bool IsArmed => Volatile.Read(ref _armed);

    /// <summary>True while the position-compare gate is open.</summary>
    public bool IsGateOpen => Volatile.Read(ref _gate);

    /// <summary>Sets TTL input <paramref name="input"/> (1 to 4) to <paramref name="level"/>.</summary>
    public void SetInput(int input, bool level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(input, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(input, InputCount);
        Post(new ZebraCommand(ZebraCommandKind.InputLevel, input, level));
    }

    /// <summary>Pulses TTL input <paramref name="input"/> (1 to 4) once, carrying <paramref name="context"/> to the detector.</summary>
    public void PulseInput(int input, object? context = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(input, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(input, InputCount);
        Post(new ZebraCommand(ZebraCommandKind.InputPulse, input, Context: context));
    }

    /// <inheritdoc/>
    protected override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _zebra.SetAsync("PC_ARM_OUT", 0, cancellationToken).ConfigureAwait(false);
        Evaluate(null);
    }

    /// <inheritdoc/>
    protected override async Task HandleAsync(ZebraCommand command, CancellationToken cancellationToken)
    {
        switch (command.Kind)
        {
            case ZebraCommandKind.Arm:
                _armed = true;
                _lastTravelled = null;
                SetGate(false);
                await _zebra.SetAsync("PC_ARM_OUT", 1, cancellationToken).ConfigureAwait(false);
                if (Choice("PC_GATE_SEL") == 1)
                {
                    StartTimeGate();
                }
                else
                {
                    UpdatePositionGate();
                }

                break;
            case ZebraCommandKind.Disarm:
                _armed = false;
                _timeGate++;
                SetGate(false);
                await _zebra.SetAsync("PC_ARM_OUT", 0, cancellationToken).ConfigureAwait(false);
                break;
            case ZebraCommandKind.Encoder:
                var index = (int)command.Number - 1;
                (_previousEncoders[index], _previousEncoderTimes[index]) = (_encoders[index], _encoderTimes[index]);
                (_encoders[index], _encoderTimes[index]) = ((double)command.Context!, _time.GetTimestamp());
                if (_armed && Choice("PC_GATE_SEL") == 0 && (int)Choice("PC_ENC") == (int)command.Number - 1)
                {
                    UpdatePositionGate();
                }

                break;
            case ZebraCommandKind.InputLevel:
                _inputs[(int)command.Number - 1] = command.Level;
                break;
            case ZebraCommandKind.InputPulse:
                _inputs[(int)command.Number - 1] = true;
                Evaluate(command.Context);
                _inputs[(int)command.Number - 1] = false;
                break;
            case ZebraCommandKind.PulseLevel when (int)command.Number == _gateGeneration && _gate:
                _pulse = command.Level;
                _pulseAt = command.Context as long?;
                break;
            case ZebraCommandKind.TimeGateOpen when (int)command.Number == _timeGate && _armed:
                SetGate(true);
                break;
            case ZebraCommandKind.TimeGateEnd when (int)command.Number == _timeGate:
                SetGate(false);
                break;
            default:
                break;
        }

        Evaluate(null);
    }

    /// <inheritdoc/>
    protected override Task OnDisposeAsync()
    {
        foreach (var subscription in _encoderSubscriptions)
        {
            subscription.Dispose();
        }

        StopPulses();
        return Task.CompletedTask;
    }

    private static IEnumerable<string> WiringRecords()
    {
        for (var n = 1; n <= 4; n++)
        {
            yield return $"OUT{n}_TTL";
            yield return $"SOFT_IN:B{n - 1}";
            foreach (var gate in new[] { "AND", "OR" })
            {
                yield return $"{gate}{n}_ENA";
                yield return $"{gate}{n}_INV";
                for (var i = 1; i <= 4; i++)
                {
                    yield return $"{gate}{n}_INP{i}";
                }
            }
        }
    }

    // The position gate: open while the followed encoder, measured from the gate start in the chosen direction, is
    // inside one of the gates.
    private void UpdatePositionGate()
    {
        var encoder = (int)Choice("PC_ENC");
        if (encoder is < 0 or >= InputCount)
        {
            return;
        }

        var direction = Choice("PC_DIR") == 0 ? 1 : -1;
        var travelled = direction * (_encoders[encoder] - Number("PC_GATE_START"));
        var (width, step, gates) = (Number("PC_GATE_WID"), Number("PC_GATE_STEP"), Math.Max(1, (int)Number("PC_GATE_NGATE")));
        var index = step > 0 ? Math.Floor(travelled / step) : 0;
        var open = travelled >= 0 && index < gates && travelled - (index * step) < width;
        var skippedOver = !open && !_gate && _lastTravelled is < 0 && travelled >= width && gates == 1;
        _lastTravelled = travelled;
        if (skippedOver)
        {
            // The axis went through the whole gate between two readback updates: the hardware saw it open and close.
            SetGate(true);
            Evaluate(null);
            SetGate(false);
        }
        else if (open && !_gate)
        {
            SetGate(true, LatenessSeconds(encoder, travelled - (index * step)));
        }
        else if (!open && _gate)
        {
            SetGate(false);
        }

        if (_gate && Choice("PC_PULSE_SEL") == 0)
        {
            // Position pulses: one each time the axis passes start + k·step inside the gate.
            var pulseStep = Number("PC_PULSE_STEP");
            var due = pulseStep > 0 ? (int)Math.Floor(((travelled - (index * step)) - Number("PC_PULSE_START")) / pulseStep) + 1 : 0;
            var max = (int)Number("PC_PULSE_MAX");
            while (_positionPulses < due && (max <= 0 || _positionPulses < max))
            {
                _positionPulses++;
                _pulse = true;
                Evaluate(null);
                _pulse = false;
            }
        }
    }

    private void StartTimeGate()
    {
        var generation = ++_timeGate;
        _ = RunTimeGateAsync(generation, Number("PC_GATE_START"), Number("PC_GATE_WID"));
    }

    // A time gate: open `delay` seconds after arming, for `width` seconds.
    private async Task RunTimeGateAsync(int generation, double delay, double width)
    {
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(delay, 0)), _time).ConfigureAwait(false);
        Post(new ZebraCommand(ZebraCommandKind.TimeGateOpen, generation));
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(width, 0)), _time).ConfigureAwait(false);
        Post(new ZebraCommand(ZebraCommandKind.TimeGateEnd, generation));
    }

    // A readback arrives only every motor update period, but the hardware compares the encoder continuously: the gate
    // really opened when the axis crossed its start, `past` before this readback at the axis's current speed.
    private double LatenessSeconds(int encoder, double past)
    {
        if (_previousEncoderTimes[encoder] == 0 || past <= 0)
        {
            return 0;
        }

        var interval = _time.GetElapsedTime(_previousEncoderTimes[encoder], _encoderTimes[encoder]).TotalSeconds;
        var speed = interval > 0 ? Math.Abs(_encoders[encoder] - _previousEncoders[encoder]) / interval : 0;
        return speed > 0 ? Math.Min(past / speed, interval) : 0;
    }

    private void SetGate(bool open, double lateSeconds = 0)
    {
        if (_gate == open)
        {
            return;
        }

        _gate = open;
        _gateChangedAt = _time.GetTimestamp() - (long)(lateSeconds * _time.TimestampFrequency);
        _pulse = false;
        _positionPulses = 0;
        StopPulses();
        if (open)
        {
            _gateGeneration++;
            if (Choice("PC_PULSE_SEL") == 1)
            {
                var origin = _time.GetTimestamp();
                var start = Number("PC_PULSE_START") - lateSeconds;

                // A pulse due as the gate opens rises with it, in this same step: posted from the pulse train it could
                // queue behind the readback that closes the gate again (a busy machine delivers readbacks in bursts)
                // and be dropped, where a real Zebra would have fired it.
                var raiseNow = start <= 0;
                if (raiseNow)
                {
                    (_pulse, _pulseAt) = (true, origin);
                }

                _pulseTrain = new CancellationTokenSource();
                _ = RunTimePulsesAsync(_gateGeneration, origin, start, Number("PC_PULSE_WID"), Number("PC_PULSE_STEP"), (int)Number("PC_PULSE_MAX"), raiseNow, _pulseTrain.Token);
            }
        }
    }

    private void StopPulses()
    {
        _pulseTrain?.Cancel();
        _pulseTrain?.Dispose();
        _pulseTrain = null;
    }

    // Time pulses while the gate is open: the first `start` seconds after `origin`, each `width` long, every `step`; each
    // rising edge carries the instant it was due, however late the timer that raises it fires. With `firstRaised` the
    // gate's opening already raised the first pulse: the train only lowers it and goes on from the second.
    private async Task RunTimePulsesAsync(int generation, long origin, double start, double width, double step, int max, bool firstRaised, CancellationToken cancellationToken)
    {
        try
        {
            var high = TimeSpan.FromSeconds(Math.Max(width, 0));
            var gap = TimeSpan.FromSeconds(Math.Max(step - width, 0));
            var first = 0;
            if (firstRaised)
            {
                await Task.Delay(high, _time, cancellationToken).ConfigureAwait(false);
                Post(new ZebraCommand(ZebraCommandKind.PulseLevel, generation, false));
                if (step <= 0 || max == 1)
                {
                    return;
                }

                await Task.Delay(gap, _time, cancellationToken).ConfigureAwait(false);
                first = 1;
            }
            else
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(start, 0)), _time, cancellationToken).ConfigureAwait(false);
            }

            for (var n = first; max <= 0 || n < max; n++)
            {
                var due = origin + (long)((Math.Max(start, 0) + (n * step)) * _time.TimestampFrequency);
                Post(new ZebraCommand(ZebraCommandKind.PulseLevel, generation, true, due));
                await Task.Delay(high, _time, cancellationToken).ConfigureAwait(false);
                Post(new ZebraCommand(ZebraCommandKind.PulseLevel, generation, false));
                if (step <= 0)
                {
                    break;
                }

                await Task.Delay(gap, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The gate closed.
        }
    }

    // The outputs follow the bus: a rising edge on the detector output triggers it; the auto-shutter gate's level
    // is reported when it changes.
    private void Evaluate(object? context)
    {
        _pulseContext = context;
        if (context is not null)
        {
            // An input pulse, not the position gate, is what changes now.
            _gateChangedAt = null;
        }

        var detector = Signal((int)Number($"OUT{_detectorOutput}_TTL"), 0);
        if (detector && !_detectorLevel)
        {
            var source = (int)Number($"OUT{_detectorOutput}_TTL");
            DetectorTriggered?.Invoke(new ZebraTrigger(source, _pulseContext, source == 31 && _pulse ? _pulseAt : null));
        }

        _detectorLevel = detector;
        var shutter = Gate("AND", _autoShutterGate, 0);
        if (shutter != _shutterLevel)
        {
            _shutterLevel = shutter;
            ShutterGateChangedAt = _gateChangedAt ?? _time.GetTimestamp();
            _gateChangedAt = null;
            AutoShutterChanged?.Invoke(shutter);
        }
    }

    // The level of system-bus signal `source` (the Zebra manual's numbering).
    private bool Signal(int source, int depth)
    {
        if (depth > 8)
        {
            // A gate wired into itself: the hardware would oscillate; the twin reads it as low.
            return false;
        }

        return source switch
        {
            1 => _inputs[0],
            4 => _inputs[1],
            7 => _inputs[2],
            10 => _inputs[3],
            29 => _armed,
            30 => _gate,
            31 => _pulse,
            >= 32 and <= 35 => Gate("AND", source - 31, depth + 1),
            >= 36 and <= 39 => Gate("OR", source - 35, depth + 1),
            >= 60 and <= 63 => SoftInput(source - 60),
            _ => false,
        };
    }

    private bool Gate(string kind, int gate, int depth)
    {
        var enabled = (int)Number($"{kind}{gate}_ENA");
        var inverted = (int)Number($"{kind}{gate}_INV");
        if (enabled == 0)
        {
            return false;
        }

        var and = kind == "AND";
        for (var i = 0; i < 4; i++)
        {
            if ((enabled & (1 << i)) == 0)
            {
                continue;
            }

            var level = Signal((int)Number($"{kind}{gate}_INP{i + 1}"), depth) ^ ((inverted & (1 << i)) != 0);
            if (and && !level)
            {
                return false;
            }

            if (!and && level)
            {
                return true;
            }
        }

        return and;
    }

    private bool SoftInput(int index)
    {
        var value = _zebra.Get($"SOFT_IN:B{index}");
        var choice = (int)value.GetDouble();
        return choice < value.EnumStrings.Count ? value.EnumStrings[choice] == "Yes" : choice != 0;
    }

    private double Number(string suffix) => _zebra.Get(suffix).GetDouble();

    private double Choice(string suffix) => _zebra.Get(suffix).GetDouble();
}
