using Hyperion.ChannelAccess.Protocol;
using Hyperion.ChannelAccess.SoftIoc.Calc;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>
/// The calculation record (calc): on processing, reads its inputs INPA..INPL into A..L (constants load once at
/// initialization; database links are read each time, PP links process their source first, CP links process this
/// record when their source changes), evaluates CALC into VAL, and checks limit alarms and MDEL/ADEL deadbands.
/// An input that can't be read raises LINK/INVALID and leaves VAL unchanged. CALC is compiled once, when set.
/// </summary>
public sealed class CalcRecord : Record
{
    private const int Inputs = CalcExpression.VariableCount;
    private static readonly HashSet<string> LimitFields = ["VAL", "HIHI", "HIGH", "LOW", "LOLO", "LALM", "ALST", "MLST"];

    private readonly RecordField _val;
    private readonly RecordField _calc;
    private readonly RecordField[] _inputs;
    private readonly RecordField _egu;
    private readonly RecordField _prec;
    private readonly RecordField _hopr;
    private readonly RecordField _lopr;
    private readonly LimitAlarmFields _alarms;
    private readonly RecordField _adel;
    private readonly RecordField _mdel;
    private readonly RecordField[] _arguments;
    private readonly RecordField[] _lastArguments;
    private readonly RecordField _alst;
    private readonly RecordField _mlst;
    private readonly double[] _scratch = new double[Inputs];
    private CalcExpression _expression = CalcExpression.Compile("0");

    /// <summary>Creates a calc record with EPICS's defaults (CALC "0").</summary>
    public CalcRecord(string name)
        : base(name, RecordMenus.SoftDevices)
    {
        _val = AddField("VAL", FieldType.Double, FieldFlags.Value);
        _calc = AddString("CALC", 80, "0", FieldFlags.ProcessPassive);
        _inputs = [.. Enumerable.Range(0, Inputs).Select(i => AddField($"INP{(char)('A' + i)}", FieldType.InLink))];
        _egu = AddField("EGU", FieldType.String, FieldFlags.Property, size: 16);
        _prec = AddField("PREC", FieldType.Short, FieldFlags.Property);
        _hopr = AddField("HOPR", FieldType.Double, FieldFlags.Property);
        _lopr = AddField("LOPR", FieldType.Double, FieldFlags.Property);
        _alarms = AddLimitAlarms(FieldType.Double);
        AddField("AFTC", FieldType.Double);
        AddField("AFVL", FieldType.Double, FieldFlags.ReadOnly);
        _adel = AddField("ADEL", FieldType.Double);
        _mdel = AddField("MDEL", FieldType.Double);
        _arguments = [.. Enumerable.Range(0, Inputs).Select(i => AddField(((char)('A' + i)).ToString(), FieldType.Double, FieldFlags.ProcessPassive))];
        _lastArguments = [.. Enumerable.Range(0, Inputs).Select(i => AddField($"L{(char)('A' + i)}", FieldType.Double, FieldFlags.ReadOnly))];
        _alst = AddField("ALST", FieldType.Double, FieldFlags.ReadOnly);
        _mlst = AddField("MLST", FieldType.Double, FieldFlags.ReadOnly);
    }

    /// <inheritdoc />
    public override string RecordType => "calc";

    /// <inheritdoc />
    public override RecordField ValueField => _val;

    /// <summary>The compiled CALC expression.</summary>
    public CalcExpression Expression => _expression;

    /// <inheritdoc />
    protected override void ValidateConfigured(RecordField field)
    {
        if (field == _calc)
        {
            _expression = Compile(_calc.Text);
        }
    }

    /// <inheritdoc />
    protected internal override void InitRecord()
    {
        for (var i = 0; i < Inputs; i++)
        {
            LoadConstantLink(_inputs[i], _arguments[i]);
            _lastArguments[i].SetNumber(_arguments[i].Number);
        }

        _mlst.SetNumber(_val.Number);
        _alst.SetNumber(_val.Number);
        _alarms.LastAlarm.SetNumber(_val.Number);
    }

    /// <inheritdoc />
    protected internal override bool SpecialAfter(RecordField field)
    {
        if (field != _calc)
        {
            return true;
        }

        try
        {
            _expression = CalcExpression.Compile(_calc.Text);
            return true;
        }
        catch (CalcException)
        {
            _calc.SetText(_expression.Text);
            return false;
        }
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var ok = true;
        for (var i = 0; i < Inputs; i++)
        {
            if (IsDatabaseLink(_inputs[i]))
            {
                if (TryReadLink(_inputs[i], out double value))
                {
                    _arguments[i].SetNumber(value);
                }
                else
                {
                    ok = false;
                }
            }
        }

        if (ok)
        {
            for (var i = 0; i < Inputs; i++)
            {
                _scratch[i] = _arguments[i].Number;
            }

            _val.SetNumber(_expression.Evaluate(_scratch, _val.Number));
            if (_expression.Assigns)
            {
                for (var i = 0; i < Inputs; i++)
                {
                    _arguments[i].SetNumber(_scratch[i]);
                }
            }

            SetUndefined(double.IsNaN(_val.Number));
        }

        StampTime();
        CheckLimitAlarms(_val.Number, _alarms);
        Monitor();
        ForwardLink();
    }

    /// <inheritdoc />
    protected internal override string GetUnits(RecordField field) => field.Type == FieldType.Double ? _egu.Text : string.Empty;

    /// <inheritdoc />
    protected internal override short GetPrecision(RecordField field) =>
        field == _val ? (short)_prec.Number : FieldPrecision(field, (short)_prec.Number);

    /// <inheritdoc />
    protected internal override (double Upper, double Lower)? GetGraphicLimits(RecordField field) =>
        LimitFields.Contains(field.Name) || _arguments.Contains(field) ? (_hopr.Number, _lopr.Number) : TypeRange(field);

    /// <inheritdoc />
    protected internal override (double Upper, double Lower)? GetControlLimits(RecordField field) =>
        LimitFields.Contains(field.Name) || _arguments.Contains(field) ? (_hopr.Number, _lopr.Number) : TypeRange(field);

    /// <inheritdoc />
    protected internal override (double HiHi, double High, double Low, double LoLo)? GetAlarmLimits(RecordField field) =>
        field == _val ? _alarms.ForClients() : NoAlarmLimits;

    private CalcExpression Compile(string text)
    {
        try
        {
            return CalcExpression.Compile(text);
        }
        catch (CalcException e)
        {
            throw new RecordFieldException(Name, "CALC", e.Message, e) { Column = e.Column };
        }
    }

    private void Monitor()
    {
        var events = ResetAlarms();
        CheckDeadband(_mlst, _val.Number, _mdel.Number, ref events, EventMask.Value);
        CheckDeadband(_alst, _val.Number, _adel.Number, ref events, EventMask.Log);
        Post(_val, events);
        for (var i = 0; i < Inputs; i++)
        {
            if (_arguments[i].Number != _lastArguments[i].Number)
            {
                Post(_arguments[i], events | EventMask.Value | EventMask.Log);
                _lastArguments[i].SetNumber(_arguments[i].Number);
            }
        }
    }
}
