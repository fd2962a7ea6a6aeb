using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;
using Hyperion.ChannelAccess.SoftIoc.Motion;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>
/// The EPICS motor record (epics-modules/motor) driving a simulated axis. User and dial coordinates
/// (user = dial × DIR + OFF), resolution MRES (positions in whole steps: RVAL, RRBV), soft limits DHLM/DLLM and
/// HLM/LLM (a move outside them is refused: LVIO = 1 and VAL returns to its last value), speeds VBAS/VELO/VMAX
/// with ACCL seconds of acceleration (a trapezoidal or triangular profile on the database's clock, RBV updated at
/// <see cref="Database.RecordDatabaseOptions.MotorUpdatePeriod"/>), DMOV (1 when done) and MOVN, STOP and SPMG
/// (stop decelerates; VAL then follows RBV), a new target while moving (stop, then go), SET/OFF/FOFF calibration
/// (redefine the user or the dial position without moving), tweaks TWF/TWR by TWV, relative moves RLV, homing
/// HOMF/HOMR to dial 0, jogging JOGF/JOGR, and simulated limit switches (HLS/LLS, HLSV). A put with completion to
/// VAL (or any field that processes the record) completes only when the motion ends (DMOV = 1).
/// </summary>
public sealed class MotorRecord : Record, IDisposable
{
    private const double Epsilon = 1e-9;

    private readonly List<TaskCompletionSource<EcaStatus>> _waiters = [];
    private readonly HashSet<RecordField> _marked = [];
    private readonly RecordField[] _monitored;
    private readonly RecordField _msta;
    private readonly RecordField _miss;
    private bool _stalled;
    private readonly RecordField _off;
    private readonly RecordField _foff;
    private readonly RecordField _dir;
    private readonly RecordField _set;
    private readonly RecordField _velo;
    private readonly RecordField _vbas;
    private readonly RecordField _vmax;
    private readonly RecordField _s;
    private readonly RecordField _sbas;
    private readonly RecordField _smax;
    private readonly RecordField _accl;
    private readonly RecordField _srev;
    private readonly RecordField _urev;
    private readonly RecordField _mres;
    private readonly RecordField _prec;
    private readonly RecordField _egu;
    private readonly RecordField _hlm;
    private readonly RecordField _llm;
    private readonly RecordField _dhlm;
    private readonly RecordField _dllm;
    private readonly RecordField _hls;
    private readonly RecordField _lls;
    private readonly RecordField _rhls;
    private readonly RecordField _rlls;
    private readonly RecordField _hihi;
    private readonly RecordField _lolo;
    private readonly RecordField _high;
    private readonly RecordField _low;
    private readonly RecordField _hlsv;
    private readonly RecordField _rdbd;
    private readonly RecordField _spdb;
    private readonly RecordField _spmg;
    private readonly RecordField _lspg;
    private readonly RecordField _stop;
    private readonly RecordField _homf;
    private readonly RecordField _homr;
    private readonly RecordField _jogf;
    private readonly RecordField _jogr;
    private readonly RecordField _twf;
    private readonly RecordField _twr;
    private readonly RecordField _twv;
    private readonly RecordField _val;
    private readonly RecordField _lval;
    private readonly RecordField _dval;
    private readonly RecordField _ldvl;
    private readonly RecordField _rval;
    private readonly RecordField _lrvl;
    private readonly RecordField _rlv;
    private readonly RecordField _rbv;
    private readonly RecordField _drbv;
    private readonly RecordField _diff;
    private readonly RecordField _rdif;
    private readonly RecordField _cdir;
    private readonly RecordField _rrbv;
    private readonly RecordField _dmov;
    private readonly RecordField _movn;
    private readonly RecordField _lvio;
    private readonly RecordField _tdir;
    private readonly RecordField _athm;
    private readonly RecordField _jvel;
    private readonly RecordField _hvel;
    private readonly RecordField _adel;
    private readonly RecordField _mdel;
    private readonly RecordField _alst;
    private readonly RecordField _mlst;
    private readonly RecordField _sync;

    private MotionProfile? _profile;
    private readonly MotionHistory _history = new();
    private long _profileStart;
    private ITimer? _timer;
    private double _position;
    private bool _syncOnStop;
    private bool _retarget;
    private bool _homing;
    private bool _jogging;
    private bool _completeWaiters;

    /// <summary>Creates a motor record with the motor module's defaults.</summary>
    public MotorRecord(string name)
        : base(name, RecordMenus.MotorDevices)
    {
        const FieldFlags ro = FieldFlags.ReadOnly;
        const FieldFlags pp = FieldFlags.ProcessPassive;
        const FieldFlags prop = FieldFlags.Property;
        AddField("VERS", FieldType.Float, ro, initial: 1);
        _off = AddField("OFF", FieldType.Double, pp);
        _foff = AddField("FOFF", FieldType.Menu, menu: RecordMenus.MotorFoff);
        AddField("FOF", FieldType.Short);
        AddField("VOF", FieldType.Short);
        _dir = AddField("DIR", FieldType.Menu, pp, menu: RecordMenus.MotorDir);
        _set = AddField("SET", FieldType.Menu, menu: RecordMenus.MotorSet);
        AddField("SSET", FieldType.Short);
        AddField("SUSE", FieldType.Short);
        _velo = AddField("VELO", FieldType.Double);
        _vbas = AddField("VBAS", FieldType.Double, prop);
        _vmax = AddField("VMAX", FieldType.Double, prop);
        _s = AddField("S", FieldType.Double);
        _sbas = AddField("SBAS", FieldType.Double);
        _smax = AddField("SMAX", FieldType.Double);
        _accl = AddField("ACCL", FieldType.Double, initial: 0.2);
        AddField("ACCS", FieldType.Double);
        AddField("ACCU", FieldType.Menu, menu: new RecordMenu("motorACCU", "Use ACCL", "Use ACCS"));
        AddField("BDST", FieldType.Double);
        AddField("BVEL", FieldType.Double);
        AddField("SBAK", FieldType.Double);
        AddField("BACC", FieldType.Double, initial: 0.5);
        AddField("FRAC", FieldType.Float, initial: 1);
        AddField("OUT", FieldType.OutLink);
        AddField("CARD", FieldType.Short, ro);
        AddField("RDBL", FieldType.InLink);
        AddField("DOL", FieldType.InLink);
        AddField("OMSL", FieldType.Menu, menu: RecordMenus.Omsl);
        AddField("RLNK", FieldType.OutLink);
        _srev = AddField("SREV", FieldType.Long, pp, initial: 200);
        _urev = AddField("UREV", FieldType.Double, pp);
        _mres = AddField("MRES", FieldType.Double, pp | prop);
        AddField("ERES", FieldType.Double, pp);
        AddField("RRES", FieldType.Double);
        AddField("UEIP", FieldType.Menu, pp, menu: RecordMenus.MotorUeip);
        AddField("URIP", FieldType.Menu, pp, menu: RecordMenus.MotorUeip);
        _prec = AddField("PREC", FieldType.Short, prop);
        _egu = AddField("EGU", FieldType.String, prop, size: 16);
        AddField("RHLM", FieldType.Double, ro);
        AddField("RLLM", FieldType.Double, ro);
        _hlm = AddField("HLM", FieldType.Double, pp | prop);
        _llm = AddField("LLM", FieldType.Double, pp | prop);
        _dhlm = AddField("DHLM", FieldType.Double, pp | prop);
        _dllm = AddField("DLLM", FieldType.Double, pp | prop);
        AddField("HOPR", FieldType.Double);
        AddField("LOPR", FieldType.Double);
        _hls = AddField("HLS", FieldType.Short, ro);
        _lls = AddField("LLS", FieldType.Short, ro);
        _rhls = AddField("RHLS", FieldType.Short, ro);
        _rlls = AddField("RLLS", FieldType.Short, ro);
        _hihi = AddField("HIHI", FieldType.Double, pp | prop);
        _lolo = AddField("LOLO", FieldType.Double, pp | prop);
        _high = AddField("HIGH", FieldType.Double, pp | prop);
        _low = AddField("LOW", FieldType.Double, pp | prop);
        AddField("HHSV", FieldType.Menu, pp, menu: RecordMenus.AlarmSevr);
        AddField("LLSV", FieldType.Menu, pp, menu: RecordMenus.AlarmSevr);
        AddField("HSV", FieldType.Menu, pp, menu: RecordMenus.AlarmSevr);
        AddField("LSV", FieldType.Menu, pp, menu: RecordMenus.AlarmSevr);
        _hlsv = AddField("HLSV", FieldType.Menu, pp, menu: RecordMenus.AlarmSevr);
        _rdbd = AddField("RDBD", FieldType.Double);
        _spdb = AddField("SPDB", FieldType.Double);
        AddField("RCNT", FieldType.Short, ro);
        AddField("RTRY", FieldType.Short, initial: 10);
        _miss = AddField("MISS", FieldType.Short, ro);
        _spmg = AddField("SPMG", FieldType.Menu, pp, menu: RecordMenus.MotorSpmg, initial: 3);
        _lspg = AddField("LSPG", FieldType.Menu, ro, menu: RecordMenus.MotorSpmg, initial: 3);
        _stop = AddField("STOP", FieldType.Short, pp);
        _homf = AddField("HOMF", FieldType.Short, pp);
        _homr = AddField("HOMR", FieldType.Short, pp);
        _jogf = AddField("JOGF", FieldType.Short, pp);
        _jogr = AddField("JOGR", FieldType.Short, pp);
        _twf = AddField("TWF", FieldType.Short, pp);
        _twr = AddField("TWR", FieldType.Short, pp);
        _twv = AddField("TWV", FieldType.Double);
        _val = AddField("VAL", FieldType.Double, pp | FieldFlags.Value);
        _lval = AddField("LVAL", FieldType.Double, ro);
        _dval = AddField("DVAL", FieldType.Double, pp);
        _ldvl = AddField("LDVL", FieldType.Double, ro);
        _rval = AddField("RVAL", FieldType.Long, pp);
        _lrvl = AddField("LRVL", FieldType.Long, ro);
        _rlv = AddField("RLV", FieldType.Double, pp);
        AddField("LRLV", FieldType.Double, ro);
        _rbv = AddField("RBV", FieldType.Double, ro);
        _drbv = AddField("DRBV", FieldType.Double, ro);
        _diff = AddField("DIFF", FieldType.Double, ro);
        _rdif = AddField("RDIF", FieldType.Long, ro);
        _cdir = AddField("CDIR", FieldType.Short, ro);
        _rrbv = AddField("RRBV", FieldType.Long, ro);
        AddField("RMP", FieldType.Long, ro);
        AddField("REP", FieldType.Long, ro);
        AddField("RVEL", FieldType.Long, ro);
        _dmov = AddField("DMOV", FieldType.Short, ro, initial: 1);
        _movn = AddField("MOVN", FieldType.Short, ro);
        _msta = AddField("MSTA", FieldType.ULong, ro);
        _lvio = AddField("LVIO", FieldType.Short, ro, initial: 1);
        _tdir = AddField("TDIR", FieldType.Short, ro);
        _athm = AddField("ATHM", FieldType.Short, ro);
        AddField("PP", FieldType.Short, ro);
        AddField("MIP", FieldType.UShort, ro);
        AddField("MMAP", FieldType.ULong, ro);
        AddField("NMAP", FieldType.ULong, ro);
        AddField("DLY", FieldType.Double);
        AddField("PCOF", FieldType.Double);
        AddField("ICOF", FieldType.Double);
        AddField("DCOF", FieldType.Double);
        AddField("CNEN", FieldType.Menu, pp, menu: RecordMenus.MotorTorq);
        AddField("INIT", FieldType.String, size: 40);
        AddField("PREM", FieldType.String, size: 40);
        AddField("POST", FieldType.String, size: 40);
        AddField("STOO", FieldType.OutLink);
        AddField("DINP", FieldType.InLink);
        AddField("RINP", FieldType.InLink);
        _jvel = AddField("JVEL", FieldType.Double);
        AddField("JAR", FieldType.Double);
        AddField("LOCK", FieldType.Menu, menu: RecordMenus.YesNo);
        AddField("NTM", FieldType.Menu, menu: RecordMenus.YesNo, initial: 1);
        AddField("NTMF", FieldType.UShort, initial: 2);
        _hvel = AddField("HVEL", FieldType.Double);
        AddField("STUP", FieldType.Menu, pp, menu: new RecordMenu("motorSTUP", "OFF", "ON", "BUSY"));
        AddField("RMOD", FieldType.Menu, menu: new RecordMenu("motorRMOD", "Default", "Arithmetic", "Geometric", "In-Position"));
        _adel = AddField("ADEL", FieldType.Double);
        _mdel = AddField("MDEL", FieldType.Double);
        _alst = AddField("ALST", FieldType.Double, ro);
        _mlst = AddField("MLST", FieldType.Double, ro);
        _sync = AddField("SYNC", FieldType.Short, pp);
        AddField("IGSET", FieldType.Short);
        AddField("RSTM", FieldType.Menu, menu: new RecordMenu("motorRSTM", "Never", "Always", "NearZero", "Conditional"), initial: 2);
        _monitored =
        [
            _rrbv, _drbv, _diff, _rdif, _msta, _val, _dval, _rval, _tdir, FindField("MIP")!, _hlm, _llm, _spmg,
            FindField("RCNT")!, _rlv, _off, _dhlm, _dllm, _hls, _lls, _athm, _mres, FindField("ERES")!, FindField("UEIP")!,
            _lvio, _stop, _sbas, _srev, _urev, _velo, _vbas, _miss, _movn, _dmov, FindField("STUP")!, _jogf, _jogr,
            _homf, _homr, FindField("RHLM")!, FindField("RLLM")!,
        ];
    }

    /// <inheritdoc />
    public override string RecordType => "motor";

    /// <inheritdoc />
    public override RecordField ValueField => _val;

    /// <summary>Any device support's OUT address is accepted: every one drives the simulated axis.</summary>
    protected override bool AcceptsHardwareLinks => true;

    /// <summary>True while the simulated axis is moving.</summary>
    public bool IsMoving => _profile is not null;

    /// <summary>
    /// Where the simulated axis is now, in user coordinates, between the readback's updates too (a twin detector
    /// reads omega at each frame's start and end).
    /// </summary>
    public double UserPositionNow => (PositionNow() * Dir) + _off.Number;

    /// <summary>
    /// Where the simulated axis is (or was) at <paramref name="timestamp"/> of the database's clock, in user
    /// coordinates, along the move in progress or the remembered past move the instant fell within (otherwise: where it
    /// is): a twin detector integrates omega over each frame's exact exposure window, even when it reads it late.
    /// </summary>
    public double UserPositionAt(long timestamp)
    {
        if (Database is not { } database)
        {
            return UserPositionNow;
        }

        var time = database.TimeProvider;
        if (_profile is { } profile)
        {
            var elapsed = time.GetElapsedTime(_profileStart, timestamp).TotalSeconds;
            if (elapsed >= 0 || !_history.TryPositionAt(time, timestamp, out var before))
            {
                return (profile.PositionAt(Math.Max(0, elapsed)) * Dir) + _off.Number;
            }

            return (before * Dir) + _off.Number;
        }

        // A reader that falls behind asks about instants of motions that have since ended: they lie on those motions.
        if (_history.TryPositionAt(time, timestamp, out var past))
        {
            return (past * Dir) + _off.Number;
        }

        return UserPositionNow;
    }

    /// <summary>The simulated axis's dial position now (not rounded to steps).</summary>
    public double DialPosition => _position;

    private int Dir => _dir.Number == 0 ? 1 : -1;

    private double Resolution => _mres.Number == 0 ? 1 : _mres.Number;

    private bool Done => _dmov.Number != 0;

    private bool SoftLimitsDefined => !(_dhlm.Number == _dllm.Number && _dllm.Number == 0);

    /// <summary>
    /// Simulates the axis reaching (or leaving) its high or low limit switch, in dial direction: a move towards
    /// an active switch stops at once, new moves towards it are refused, and HLS/LLS (in user direction) report it.
    /// </summary>
    public void SimulateLimitSwitch(bool high, bool active)
    {
        void Change()
        {
            (high ? _rhls : _rlls).SetNumber(active ? 1 : 0);
            Mark(high ? _rhls : _rlls);
            UpdateUserSwitches();
            if (active && IsMoving && Math.Sign(VelocityNow()) == (high ? 1 : -1))
            {
                SetReadback(PositionNow());
                _syncOnStop = true;
                _retarget = false;
                FinishMotion();
            }

            Wrap();
        }

        Simulate(Change);
    }

    /// <summary>
    /// Simulates a stalled axis (a seized bearing, a lost encoder): a move in progress stops where the axis is, and
    /// moves do not leave the spot, each ending at once with MISS set, MSTA's slip/stall and problem bits and a MAJOR
    /// STATE alarm, as a controller that ran out of retries reports; clearing the stall lets the next move go.
    /// </summary>
    public void SimulateStall(bool stalled)
    {
        void Change()
        {
            _stalled = stalled;
            if (stalled && IsMoving)
            {
                SetReadback(PositionNow());
                _retarget = false;
                MarkStalled();
                FinishMotion();
            }

            Wrap();
        }

        Simulate(Change);
    }

    // A simulated hardware event runs under the database's lock, as the controller's poll would.
    private void Simulate(Action change)
    {
        if (Database is { } database)
        {
            database.Execute(change);
        }
        else
        {
            change();
        }
    }

    /// <summary>Stops the motion timer; puts waiting for the move complete with ECA_PUTFAIL.</summary>
    public void Dispose()
    {
        _timer?.Dispose();
        _timer = null;
        _profile = null;
        foreach (var waiter in _waiters)
        {
            waiter.TrySetResult(Eca.Putfail);
        }

        _waiters.Clear();
    }

    /// <inheritdoc />
    protected internal override void InitRecord()
    {
        if (_mres.Number == 0)
        {
            _mres.SetNumber(_urev.Number != 0 ? _urev.Number / Math.Max(1, _srev.Number) : 1);
        }

        if (_srev.Number <= 0)
        {
            _srev.SetNumber(200);
        }

        _urev.SetNumber(_mres.Number * _srev.Number);
        if (_accl.Number <= 0)
        {
            _accl.SetNumber(0.1);
        }

        _vbas.SetNumber(Math.Max(0, _vbas.Number));
        _velo.SetNumber(RangeCheck(_velo.Number, _vbas.Number, _vmax.Number));
        UpdateRevolutionSpeeds();
        if (_rdbd.Number < Math.Abs(_mres.Number))
        {
            _rdbd.SetNumber(Math.Abs(_mres.Number));
        }

        // The motor record keeps the dial limits; a database that only gives user limits means them.
        if (!SoftLimitsDefined && (_hlm.Number != 0 || _llm.Number != 0))
        {
            var (a, b) = ((_hlm.Number - _off.Number) * Dir, (_llm.Number - _off.Number) * Dir);
            _dhlm.SetNumber(Math.Max(a, b));
            _dllm.SetNumber(Math.Min(a, b));
        }

        SetUserLimits();

        // The simulated controller starts where the database says (DVAL, else VAL), as load_pos would set it.
        _position = _dval.Number != 0 ? _dval.Number : (_val.Number - _off.Number) / Dir;
        SetReadback(_position);
        SyncTargetPosition();
        _dmov.SetNumber(1);
        _movn.SetNumber(0);
        _lspg.SetNumber(3);
        _spmg.SetNumber(3);
        _lvio.SetNumber(SoftLimitsDefined && (_drbv.Number > _dhlm.Number + Resolution || _drbv.Number < _dllm.Number - Resolution || _dllm.Number > _dhlm.Number) ? 1 : 0);
        _mlst.SetNumber(_rbv.Number);
        _alst.SetNumber(_rbv.Number);
        SetUndefined(false);

        // init_record ends with monitor(), which makes the (cleared) alarm current.
        AlarmSub();
        ResetAlarms();
        _marked.Clear();
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        DoWork();
        Wrap();
    }

    /// <inheritdoc />
    protected internal override bool SpecialBefore(RecordField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field == _val || field == _dval || field == _rval || field == _rlv || field == _twf || field == _twr)
        {
            if (Done && !(FindField("DISA")!.Number == FindField("DISV")!.Number || FindField("DISP")!.Number != 0))
            {
                _dmov.SetNumber(0);
                Post(_dmov, EventMask.Value | EventMask.Log);
            }
        }
        else if ((field == _homf || field == _homr) && _homing)
        {
            return false;
        }

        return true;
    }

    /// <inheritdoc />
    protected internal override bool SpecialAfter(RecordField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var urev = Math.Abs(_urev.Number);
        switch (field.Name)
        {
            case "VBAS":
                Change(_vbas, Math.Max(0, _vbas.Number));
                UpdateRevolutionSpeeds();
                break;
            case "VMAX":
                Change(_vmax, Math.Max(0, _vmax.Number));
                UpdateRevolutionSpeeds();
                break;
            case "VELO":
                Change(_velo, RangeCheck(_velo.Number, _vbas.Number, _vmax.Number));
                UpdateRevolutionSpeeds();
                break;
            case "S":
                Change(_velo, RangeCheck(_s.Number * urev, _vbas.Number, _vmax.Number));
                UpdateRevolutionSpeeds();
                break;
            case "SBAS":
                Change(_vbas, Math.Max(0, _sbas.Number * urev));
                UpdateRevolutionSpeeds();
                break;
            case "SMAX":
                Change(_vmax, Math.Max(0, _smax.Number * urev));
                UpdateRevolutionSpeeds();
                break;
            case "ACCL" when _accl.Number <= 0:
                Change(_accl, 0.1);
                break;
            case "RDBD" when _rdbd.Number < Math.Abs(_mres.Number):
                Change(_rdbd, Math.Abs(_mres.Number));
                break;
            case "MRES":
                if (_mres.Number == 0)
                {
                    Change(_mres, 1);
                }

                Change(_urev, _mres.Number * _srev.Number);
                UpdateRevolutionSpeeds();
                SetReadback(_position);
                break;
            case "UREV" when _urev.Number != 0:
                Change(_mres, _urev.Number / _srev.Number);
                UpdateRevolutionSpeeds();
                SetReadback(_position);
                break;
            case "SREV":
                if (_srev.Number <= 0)
                {
                    Change(_srev, 200);
                }

                if (_urev.Number != 0)
                {
                    Change(_mres, _urev.Number / _srev.Number);
                    SetReadback(_position);
                }

                break;
            case "DIR":
                if (_foff.Number != 0)
                {
                    Change(_val, (_dval.Number * Dir) + _off.Number);
                }
                else
                {
                    Change(_off, _val.Number - (_dval.Number * Dir));
                }

                Change(_rbv, (_drbv.Number * Dir) + _off.Number);
                UpdateUserSwitches();
                SetUserLimits();
                break;
            case "OFF":
                Change(_val, (_dval.Number * Dir) + _off.Number);
                _lval.SetNumber((_ldvl.Number * Dir) + _off.Number);
                Change(_rbv, (_drbv.Number * Dir) + _off.Number);
                SetUserLimits();
                break;
            case "HLM":
                if (Dir > 0)
                {
                    Change(_dhlm, _hlm.Number - _off.Number);
                }
                else
                {
                    Change(_dllm, -_hlm.Number + _off.Number);
                }

                break;
            case "LLM":
                if (Dir > 0)
                {
                    Change(_dllm, _llm.Number - _off.Number);
                }
                else
                {
                    Change(_dhlm, -_llm.Number + _off.Number);
                }

                break;
            case "DHLM" or "DLLM":
                SetUserLimits();
                break;
            case "SSET":
                Change(_set, 1);
                break;
            case "SUSE":
                Change(_set, 0);
                break;
            case "FOF":
                Change(_foff, 1);
                break;
            case "VOF":
                Change(_foff, 0);
                break;
        }

        return true;
    }

    /// <inheritdoc />
    protected internal override Task<EcaStatus>? PendingCompletion(RecordField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (Done || !(field.ProcessesPassive || field.Name == "PROC"))
        {
            return null;
        }

        var waiter = new TaskCompletionSource<EcaStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Add(waiter);
        return waiter.Task;
    }

    /// <inheritdoc />
    protected internal override string GetUnits(RecordField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var egu = _egu.Text;
        var units = field.Name switch
        {
            "VELO" or "VMAX" or "BVEL" or "VBAS" or "JVEL" or "HVEL" => egu + "/sec",
            "JAR" => egu + "/s/s",
            "ACCL" or "BACC" => "sec",
            "S" or "SBAS" or "SBAK" => "rev/sec",
            "SREV" => "steps/rev",
            "UREV" => egu + "/rev",
            _ => egu,
        };
        return units.Length > 7 ? units[..7] : units;
    }

    /// <inheritdoc />
    protected internal override short GetPrecision(RecordField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Name switch
        {
            "RRBV" or "RMP" or "REP" => 0,
            "VERS" => 2,
            _ => FieldPrecision(field, (short)_prec.Number),
        };
    }

    /// <inheritdoc />
    protected internal override (double Upper, double Lower)? GetGraphicLimits(RecordField field) => Limits(field);

    /// <inheritdoc />
    protected internal override (double Upper, double Lower)? GetControlLimits(RecordField field) => Limits(field);

    /// <inheritdoc />
    protected internal override (double HiHi, double High, double Low, double LoLo)? GetAlarmLimits(RecordField field) =>
        field == _val || field == _dval ? (_hihi.Number, _high.Number, _low.Number, _lolo.Number) : NoAlarmLimits;

    private static double RangeCheck(double value, double min, double max) =>
        max != 0 && value > max ? max : Math.Max(value, min);

    private static long Nint(double value) => (long)(value > 0 ? value + 0.5 : value - 0.5);

    private (double Upper, double Lower) Limits(RecordField field)
    {
        var mres = Resolution;
        return field.Name switch
        {
            "VAL" or "RBV" => (_hlm.Number, _llm.Number),
            "DVAL" or "DRBV" => (_dhlm.Number, _dllm.Number),
            "RVAL" or "RRBV" => mres >= 0 ? (_dhlm.Number / mres, _dllm.Number / mres) : (_dllm.Number / mres, _dhlm.Number / mres),
            "VELO" => (_vmax.Number, _vbas.Number),
            _ => TypeRange(field),
        };
    }

    private void Mark(RecordField field) => _marked.Add(field);

    // Sets a field and marks it for posting when it changes.
    private void Set(RecordField field, double value)
    {
        var before = field.Number;
        field.SetNumber(value);
        if (field.Number != before)
        {
            Mark(field);
        }
    }

    // Sets a field from special(): posted at once, as the motor record's special() posts.
    private static void Change(RecordField field, double value)
    {
        var before = field.Number;
        field.SetNumber(value);
        if (field.Number != before)
        {
            Post(field, EventMask.Value | EventMask.Log);
        }
    }

    private void UpdateRevolutionSpeeds()
    {
        var urev = Math.Abs(_urev.Number);
        if (urev == 0)
        {
            return;
        }

        Change(_s, _velo.Number / urev);
        Change(_sbas, _vbas.Number / urev);
        Change(_smax, _vmax.Number / urev);
    }

    private void SetUserLimits()
    {
        if (Dir > 0)
        {
            Set(_hlm, _dhlm.Number + _off.Number);
            Set(_llm, _dllm.Number + _off.Number);
        }
        else
        {
            Set(_hlm, -_dllm.Number + _off.Number);
            Set(_llm, -_dhlm.Number + _off.Number);
        }
    }

    private void UpdateUserSwitches()
    {
        Set(_hls, Dir > 0 ? _rhls.Number : _rlls.Number);
        Set(_lls, Dir > 0 ? _rlls.Number : _rhls.Number);
    }

    // The controller's position, as the record reads it back: whole steps.
    private void SetReadback(double dialPosition)
    {
        _position = dialPosition;
        var mres = Resolution;
        var steps = Nint(dialPosition / mres);
        Set(_rrbv, steps);
        Set(_drbv, steps * mres);
        Set(_rbv, (_drbv.Number * Dir) + _off.Number);
        Set(_diff, _dval.Number - _drbv.Number);
        Set(_rdif, Nint(_diff.Number / mres));
    }

    // VAL, DVAL and RVAL follow the readback (after a stop, a limit or a home).
    private void SyncTargetPosition()
    {
        Set(_val, _rbv.Number);
        _lval.SetNumber(_rbv.Number);
        Set(_dval, _drbv.Number);
        _ldvl.SetNumber(_drbv.Number);
        Set(_rval, Nint(_dval.Number / Resolution));
        _lrvl.SetNumber(_rval.Number);
        Set(_diff, 0);
        Set(_rdif, 0);
    }

    private void ClearButtons()
    {
        Set(_jogf, 0);
        Set(_jogr, 0);
        Set(_homf, 0);
        Set(_homr, 0);
    }

    private void SetDone()
    {
        Set(_dmov, 1);
        Set(_movn, 0);
        _completeWaiters = true;
    }

    // motorRecord.cc's do_work(), for a simulated controller.
    private void DoWork()
    {
        var dir = Dir;
        var spmg = (int)_spmg.Number;
        var stopOrPause = spmg is 0 or 1;
        var resume = false;
        if (spmg != (int)_lspg.Number || _stop.Number != 0)
        {
            var stop = _stop.Number != 0;
            if (spmg != (int)_lspg.Number)
            {
                resume = !stopOrPause;
                Set(_lspg, spmg);
            }
            else
            {
                Set(_stop, 0);
            }

            if (stopOrPause || stop)
            {
                if (spmg == 0 || stop)
                {
                    _syncOnStop = true;
                    ClearButtons();
                }

                _retarget = false;
                BeginStop();
                return;
            }
        }

        if (!stopOrPause && !IsMoving)
        {
            if (_homf.Number != 0 || _homr.Number != 0)
            {
                _homing = true;
                StartMove(0, _hvel.Number > 0 ? _hvel.Number : _velo.Number);
                return;
            }

            if (_jogf.Number != 0 || _jogr.Number != 0)
            {
                var forward = _jogf.Number != 0;
                var far = forward ? _position + 1e9 : _position - 1e9;
                var target = SoftLimitsDefined ? (forward ? Math.Max(_dhlm.Number, _position) : Math.Min(_dllm.Number, _position)) : far;
                _jogging = true;
                StartMove(target, _jvel.Number > 0 ? _jvel.Number : _velo.Number);
                return;
            }
        }

        if (_jogging && _jogf.Number == 0 && _jogr.Number == 0)
        {
            _syncOnStop = true;
            BeginStop();
            return;
        }

        if (_sync.Number != 0)
        {
            Set(_sync, 0);
            SyncTargetPosition();
        }

        if (_twf.Number != 0 || _twr.Number != 0)
        {
            Set(_val, _val.Number + ((_twf.Number != 0 ? 1 : -1) * _twv.Number));
            Set(_twf, 0);
            Set(_twr, 0);
        }

        if (_rlv.Number != 0)
        {
            Set(_val, _val.Number + _rlv.Number);
            Set(_rlv, 0);
        }

        if (_rval.Number != _lrvl.Number)
        {
            Set(_dval, _rval.Number * Resolution);
        }

        if (_val.Number != _lval.Number)
        {
            Mark(_val);
            if (_set.Number != 0 && _foff.Number == 0)
            {
                // Redefine the user position without moving: change the offset.
                Set(_off, _val.Number - (_dval.Number * dir));
                Set(_rbv, (_drbv.Number * dir) + _off.Number);
                SetUserLimits();
                _lval.SetNumber(_val.Number);
                SetDone();
                return;
            }

            Set(_dval, (_val.Number - _off.Number) / dir);
        }

        if (stopOrPause)
        {
            // Stopped or paused: the new target waits for Go; the write itself is done.
            if (!IsMoving && !Done)
            {
                SetDone();
            }

            return;
        }

        if (_dval.Number == _ldvl.Number)
        {
            if (!IsMoving && !Done)
            {
                SetDone();
            }

            if (resume && !IsMoving)
            {
                // Go (or Move) after a pause: carry on to the target.
                StartTowardsTarget();
            }

            return;
        }

        Set(_diff, _dval.Number - _drbv.Number);
        Set(_rdif, Nint(_diff.Number / Resolution));
        if (_set.Number != 0)
        {
            LoadPosition();
            return;
        }

        Set(_val, (_dval.Number * dir) + _off.Number);
        Set(_rval, Nint(_dval.Number / Resolution));
        if (CheckLimitViolation())
        {
            Set(_val, _lval.Number);
            Set(_dval, _ldvl.Number);
            Set(_rval, _lrvl.Number);
            if (!IsMoving)
            {
                SetDone();
            }

            return;
        }

        _ldvl.SetNumber(_dval.Number);
        _lval.SetNumber(_val.Number);
        _lrvl.SetNumber(_rval.Number);
        if (IsMoving)
        {
            // A new target while moving: stop, then go there.
            _retarget = true;
            BeginStop();
            return;
        }

        StartTowardsTarget();
    }

    // The soft-limit check of do_work(); true (and LVIO = 1) when the move must be refused.
    private bool CheckLimitViolation()
    {
        bool violation;
        var dval = _dval.Number;
        if (!SoftLimitsDefined)
        {
            violation = false;
        }
        else if (_dllm.Number > _dhlm.Number)
        {
            violation = true;
        }
        else if ((dval > _dhlm.Number && dval < _ldvl.Number) || (dval < _dllm.Number && dval > _ldvl.Number))
        {
            violation = false;
        }
        else
        {
            violation = dval > _dhlm.Number || dval < _dllm.Number;
        }

        Set(_lvio, violation ? 1 : 0);
        return violation;
    }

    private void StartTowardsTarget()
    {
        var target = _rval.Number * Resolution;
        var steps = Math.Abs(Nint(target / Resolution) - Nint(_position / Resolution));
        var withinSetpointDeadband = _spdb.Number > 0 && Math.Abs(_dval.Number - _drbv.Number) < _spdb.Number;
        if (steps < 1 || withinSetpointDeadband)
        {
            SetDone();
            return;
        }

        if ((target > _position && _rhls.Number != 0) || (target < _position && _rlls.Number != 0))
        {
            // The controller will not drive into an active limit switch.
            SyncTargetPosition();
            SetDone();
            return;
        }

        StartMove(target, _velo.Number);
    }

    // LOAD_POS: the controller's position becomes DVAL without moving (SET mode).
    private void LoadPosition()
    {
        var dir = Dir;
        _position = Nint(_dval.Number / Resolution) * Resolution;
        SetReadback(_position);
        Set(_rval, Nint(_dval.Number / Resolution));
        _lrvl.SetNumber(_rval.Number);
        _ldvl.SetNumber(_dval.Number);
        if (_foff.Number != 0)
        {
            Set(_val, _off.Number + (dir * _dval.Number));
        }
        else
        {
            Set(_off, _val.Number - (dir * _dval.Number));
            SetUserLimits();
        }

        Set(_rbv, (_drbv.Number * dir) + _off.Number);
        _lval.SetNumber(_val.Number);
        SetDone();
    }

    private void StartMove(double target, double velocity)
    {
        if (_stalled)
        {
            Set(_dmov, 0);
            MarkStalled();
            SetDone();
            return;
        }

        if (_miss.Number != 0 || ((uint)_msta.Number & StallBits) != 0)
        {
            Set(_miss, 0);
            Set(_msta, (uint)_msta.Number & ~StallBits);
        }

        _profile = MotionProfile.Move(_position, target, velocity, _vbas.Number, _accl.Number);
        _profileStart = Database?.TimeProvider.GetTimestamp() ?? 0;
        Set(_dmov, 0);
        Set(_movn, 1);
        Set(_tdir, target >= _position ? 1 : 0);
        Set(_cdir, (target >= _position) == (Resolution > 0) ? 1 : 0);
        _athm.SetNumber(0);
        Mark(_athm);
        ScheduleOrFinish();
    }

    // Decelerate to rest from wherever the axis is now.
    private void BeginStop()
    {
        if (!IsMoving)
        {
            if (_syncOnStop)
            {
                _syncOnStop = false;
                SyncTargetPosition();
            }

            _jogging = false;
            _homing = false;
            if (!Done)
            {
                SetDone();
            }

            return;
        }

        var position = PositionNow();
        var velocity = VelocityNow();
        SetReadback(position);
        RememberMotion();
        _profile = MotionProfile.Stop(position, velocity, _velo.Number, _vbas.Number, _accl.Number);
        _profileStart = Database?.TimeProvider.GetTimestamp() ?? 0;
        ScheduleOrFinish();
    }

    // MSTA bit 7 (RA_SLIP_STALL) and bit 10 (RA_PROBLEM), as motorRecord's status word numbers them from 1.
    private const uint StallBits = 0x40 | 0x200;

    private void MarkStalled()
    {
        // The target was not reached: a put of the same target after the stall clears must move again.
        _ldvl.SetNumber(_drbv.Number);
        Set(_miss, 1);
        Set(_msta, (uint)_msta.Number | StallBits);
    }

    private void RememberMotion()
    {
        if (_profile is { } profile)
        {
            _history.Add(profile, _profileStart, Elapsed);
        }
    }

    private double Elapsed => Database is { } database ? database.TimeProvider.GetElapsedTime(_profileStart).TotalSeconds : 0;

    private double PositionNow() => _profile?.PositionAt(Elapsed) ?? _position;

    private double VelocityNow() => _profile?.VelocityAt(Elapsed) ?? 0;

    private void ScheduleOrFinish()
    {
        var remaining = _profile!.Duration - Elapsed;
        if (remaining <= Epsilon || Database is null)
        {
            SetReadback(_profile.End);
            FinishMotion();
            return;
        }

        var period = Database.Options.MotorUpdatePeriod.TotalSeconds;
        var due = TimeSpan.FromTicks((long)Math.Ceiling(Math.Min(period, remaining) * TimeSpan.TicksPerSecond));
        _timer ??= Database.TimeProvider.CreateTimer(_ => Database.Execute(Tick), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    // A poll of the simulated controller while the axis moves.
    private void Tick()
    {
        if (_profile is null)
        {
            return;
        }

        var velocity = VelocityNow();
        if ((velocity > 0 && _rhls.Number != 0) || (velocity < 0 && _rlls.Number != 0))
        {
            SetReadback(PositionNow());
            _syncOnStop = true;
            _retarget = false;
            FinishMotion();
        }
        else if (_profile.Duration - Elapsed <= Epsilon)
        {
            SetReadback(_profile.End);
            FinishMotion();
        }
        else
        {
            SetReadback(PositionNow());
            ScheduleOrFinish();
        }

        Wrap();
    }

    // The motion has ended: post-process (sync after stop, home, jog), start a queued move, or report done.
    private void FinishMotion()
    {
        RememberMotion();
        _profile = null;
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Set(_movn, 0);
        if (_homing)
        {
            _homing = false;
            _syncOnStop = true;
            Set(_athm, _rrbv.Number == 0 ? 1 : 0);
            ClearButtons();
        }

        if (_jogging)
        {
            _jogging = false;
            _syncOnStop = true;
            ClearButtons();
        }

        if (_syncOnStop)
        {
            _syncOnStop = false;
            SyncTargetPosition();
        }

        if (_retarget)
        {
            _retarget = false;
            StartTowardsTarget();
            if (IsMoving)
            {
                return;
            }
        }

        if (_spmg.Number == 2)
        {
            Set(_spmg, 1);
            Set(_lspg, 1);
        }

        SetDone();
    }

    // The end of any processing or poll: alarms, monitors, and (when done) the forward link and put completions.
    private void Wrap()
    {
        StampTime();
        AlarmSub();
        Monitor();
        if (Done)
        {
            ForwardLink();
        }

        if (_completeWaiters && Done)
        {
            _completeWaiters = false;
            foreach (var waiter in _waiters)
            {
                waiter.TrySetResult(Eca.Normal);
            }

            _waiters.Clear();
        }
    }

    private void AlarmSub()
    {
        if (IsUndefined)
        {
            SetSeverity(AlarmStatus.Udf, AlarmSeverity.Invalid);
            return;
        }

        if (((uint)_msta.Number & StallBits) != 0)
        {
            SetSeverity(AlarmStatus.State, AlarmSeverity.Major);
            return;
        }

        var hlsv = (AlarmSeverity)_hlsv.Number;
        if (hlsv != AlarmSeverity.NoAlarm && (_hls.Number != 0 || _dval.Number > _dhlm.Number))
        {
            SetSeverity(AlarmStatus.High, hlsv);
            return;
        }

        if (hlsv != AlarmSeverity.NoAlarm && (_lls.Number != 0 || _dval.Number < _dllm.Number))
        {
            SetSeverity(AlarmStatus.Low, hlsv);
        }
    }

    // motorRecord.cc's monitor(): RBV through MDEL/ADEL, then every changed field (with the alarm events).
    private void Monitor()
    {
        var alarm = ResetAlarms();
        const EventMask valueLog = EventMask.Value | EventMask.Log;
        if (_mdel.Number == 0 && _adel.Number == 0)
        {
            Post(_rbv, alarm | (_marked.Contains(_rbv) ? valueLog : EventMask.None));
        }
        else if (_marked.Contains(_rbv))
        {
            var events = alarm;
            if (_mdel.Number == 0 || Math.Abs(_mlst.Number - _rbv.Number) > _mdel.Number)
            {
                events |= EventMask.Value;
                _mlst.SetNumber(_rbv.Number);
            }

            if (_adel.Number == 0 || Math.Abs(_alst.Number - _rbv.Number) > _adel.Number)
            {
                events |= EventMask.Log;
                _alst.SetNumber(_rbv.Number);
            }

            Post(_rbv, events);
        }

        _marked.Remove(_rbv);
        foreach (var field in _monitored)
        {
            Post(field, alarm | (_marked.Remove(field) ? valueLog : EventMask.None));
        }

        foreach (var field in _marked)
        {
            Post(field, valueLog);
        }

        _marked.Clear();
    }
}
