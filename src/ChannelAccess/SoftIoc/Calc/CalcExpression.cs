namespace Hyperion.ChannelAccess.SoftIoc.Calc;

/// <summary>
/// A CALC expression as the calc record's CALC field holds it, compiled once and evaluated as EPICS calcPerform
/// does: the operands A to L (and VAL, the record's previous value), arithmetic <c>+ - * / % ^ **</c>, comparisons
/// giving 1 or 0, logic <c>&amp;&amp; || !</c>, bit operations on 32-bit integers, <c>?:</c>, the functions ABS,
/// SQRT, MIN, MAX, FLOOR, CEIL, EXP, LN, LOG (base 10), SIN, COS, TAN, ATAN, ATAN2, NINT and more, the constants
/// PI, D2R, R2D, INF and NAN, and assignments <c>A:=expr;</c> that change the operands.
/// </summary>
public sealed class CalcExpression
{
    /// <summary>How many operands there are (A to L).</summary>
    public const int VariableCount = 12;

    private readonly CalcOp[] _ops;
    private readonly int _stackDepth;

    private CalcExpression(string text, CalcOp[] ops, int stackDepth)
    {
        Text = text;
        _ops = ops;
        _stackDepth = stackDepth;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>True when the expression assigns to an operand (its evaluation changes them).</summary>
    public bool Assigns => _ops.Any(o => o.Code == CalcOpCode.Store);

    /// <summary>Compiles <paramref name="text"/>.</summary>
    /// <exception cref="CalcException">The expression is not valid; the exception names the column.</exception>
    public static CalcExpression Compile(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (ops, depth) = CalcCompiler.Compile(text);
        return new CalcExpression(text, ops, depth);
    }

    /// <summary>
    /// Evaluates with the operands <paramref name="variables"/> (A first; at least <see cref="VariableCount"/>,
    /// changed by assignments) and the record's current value <paramref name="val"/>.
    /// </summary>
    public double Evaluate(Span<double> variables, double val = 0)
    {
        if (variables.Length < VariableCount)
        {
            throw new ArgumentException($"A CALC expression needs {VariableCount} operands (A to L).", nameof(variables));
        }

        Span<double> stack = _stackDepth <= 64 ? stackalloc double[_stackDepth] : new double[_stackDepth];
        var top = -1;
        var pc = 0;
        while (pc < _ops.Length)
        {
            var op = _ops[pc++];
            switch (op.Code)
            {
                case CalcOpCode.Push: stack[++top] = op.Value; break;
                case CalcOpCode.Fetch: stack[++top] = variables[op.Argument]; break;
                case CalcOpCode.FetchVal: stack[++top] = val; break;
                case CalcOpCode.Store: variables[op.Argument] = stack[top--]; break;
                case CalcOpCode.Random: stack[++top] = Random.Shared.NextDouble(); break;
                case CalcOpCode.Negate: stack[top] = -stack[top]; break;
                case CalcOpCode.Not: stack[top] = Truth(stack[top] == 0); break;
                case CalcOpCode.BitNot: stack[top] = ~ToInt(stack[top]); break;
                case CalcOpCode.JumpIfZero:
                    if (stack[top--] == 0)
                    {
                        pc = op.Argument;
                    }

                    break;
                case CalcOpCode.Jump: pc = op.Argument; break;
                case CalcOpCode.Max or CalcOpCode.Min or CalcOpCode.Finite or CalcOpCode.IsNan:
                    top = Variadic(op, stack, top);
                    break;
                default:
                    if (IsBinary(op.Code))
                    {
                        var right = stack[top--];
                        stack[top] = Binary(op.Code, stack[top], right);
                    }
                    else
                    {
                        stack[top] = Unary(op.Code, stack[top]);
                    }

                    break;
            }
        }

        return stack[0];
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static double Truth(bool value) => value ? 1 : 0;

    // calcPerform's d2i: negative doubles convert as signed, positive as unsigned (so bit 31 survives).
    private static int ToInt(double value)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        return value < 0
            ? (int)Math.Max(value, int.MinValue)
            : unchecked((int)(uint)Math.Min(value, uint.MaxValue));
    }

    private static uint ToUInt(double value) => unchecked((uint)ToInt(value));

    private static bool IsBinary(CalcOpCode code) => code is >= CalcOpCode.Add and <= CalcOpCode.ShiftRightLogical
        or CalcOpCode.Atan2 or CalcOpCode.Fmod;

    private static double Binary(CalcOpCode code, double left, double right) => code switch
    {
        CalcOpCode.Add => left + right,
        CalcOpCode.Subtract => left - right,
        CalcOpCode.Multiply => left * right,
        CalcOpCode.Divide => left / right,
        CalcOpCode.Modulo => ToInt(right) == 0 ? double.NaN : ToInt(left) % ToInt(right),
        CalcOpCode.Power => Math.Pow(left, right),
        CalcOpCode.Less => Truth(left < right),
        CalcOpCode.LessOrEqual => Truth(left <= right),
        CalcOpCode.Greater => Truth(left > right),
        CalcOpCode.GreaterOrEqual => Truth(left >= right),
        CalcOpCode.Equal => Truth(left == right),
        CalcOpCode.NotEqual => Truth(left != right),
        CalcOpCode.And => Truth(left != 0 && right != 0),
        CalcOpCode.Or => Truth(left != 0 || right != 0),
        CalcOpCode.BitAnd => ToInt(left) & ToInt(right),
        CalcOpCode.BitOr => ToInt(left) | ToInt(right),
        CalcOpCode.BitXor => ToInt(left) ^ ToInt(right),
        CalcOpCode.ShiftLeft => ToInt(left) << (ToInt(right) & 31),
        CalcOpCode.ShiftRight => ToInt(left) >> (ToInt(right) & 31),
        CalcOpCode.ShiftRightLogical => ToUInt(left) >> (int)(ToUInt(right) & 31u),

        // EPICS's ATAN2(a, b) is atan2(b, a): "Ouch!: Args backwards!" says calcPerform.c.
        CalcOpCode.Atan2 => Math.Atan2(right, left),
        CalcOpCode.Fmod => left % right,
        _ => throw new InvalidOperationException($"Not a binary operator: {code}."),
    };

    private static double Unary(CalcOpCode code, double x) => code switch
    {
        CalcOpCode.Abs => Math.Abs(x),
        CalcOpCode.Acos => Math.Acos(x),
        CalcOpCode.Asin => Math.Asin(x),
        CalcOpCode.Atan => Math.Atan(x),
        CalcOpCode.Ceil => Math.Ceiling(x),
        CalcOpCode.Cos => Math.Cos(x),
        CalcOpCode.Cosh => Math.Cosh(x),
        CalcOpCode.Exp => Math.Exp(x),
        CalcOpCode.Floor => Math.Floor(x),
        CalcOpCode.IsInf => Truth(double.IsInfinity(x)),
        CalcOpCode.Ln => Math.Log(x),
        CalcOpCode.Log10 => Math.Log10(x),
        CalcOpCode.Nint => double.IsNaN(x) ? 0 : Math.Clamp(Math.Truncate(x >= 0 ? x + 0.5 : x - 0.5), int.MinValue, int.MaxValue),
        CalcOpCode.Sin => Math.Sin(x),
        CalcOpCode.Sinh => Math.Sinh(x),
        CalcOpCode.Sqrt => Math.Sqrt(x),
        CalcOpCode.Tan => Math.Tan(x),
        CalcOpCode.Tanh => Math.Tanh(x),
        _ => throw new InvalidOperationException($"Not a unary operator: {code}."),
    };

    private static int Variadic(CalcOp op, Span<double> stack, int top)
    {
        var count = op.Argument;
        var first = top - count + 1;
        double result;
        switch (op.Code)
        {
            case CalcOpCode.Max or CalcOpCode.Min:
                // Folded from the last argument back, as calcPerform pops them; a NaN anywhere wins.
                result = stack[top];
                for (var i = top - 1; i >= first; i--)
                {
                    var next = stack[i];
                    if (double.IsNaN(result))
                    {
                        continue;
                    }

                    if (double.IsNaN(next) || (op.Code == CalcOpCode.Max ? next > result : next < result))
                    {
                        result = next;
                    }
                }

                break;
            case CalcOpCode.Finite:
                result = 1;
                for (var i = first; i <= top; i++)
                {
                    result = double.IsFinite(stack[i]) ? result : 0;
                }

                break;
            default:
                result = 0;
                for (var i = first; i <= top; i++)
                {
                    result = double.IsNaN(stack[i]) ? 1 : result;
                }

                break;
        }

        stack[first] = result;
        return first;
    }
}
