using System.Globalization;

namespace Hyperion.ChannelAccess.SoftIoc.Calc;

/// <summary>
/// Compiles infix CALC text to postfix instructions by recursive descent, with EPICS postfix.c's priorities:
/// <c>?:</c> lowest, then <c>|| | OR XOR</c>, <c>&amp;&amp; &amp; AND &lt;&lt; &gt;&gt; &gt;&gt;&gt;</c>, comparisons
/// (<c>&lt; &lt;= &gt; &gt;= == = != #</c>), <c>+ -</c>, <c>* / %</c>, <c>^ **</c> (all left-associative), and the
/// unary operators and functions highest (so <c>-2^2</c> is 4, as in EPICS). Names are case-insensitive and, as
/// in EPICS, matched as the longest known name at the current position.
/// </summary>
internal sealed class CalcCompiler
{
    private static readonly (string Name, CalcOpCode Code, int Level)[] BinaryOperators =
    [
        ("||", CalcOpCode.Or, 1), ("|", CalcOpCode.BitOr, 1), ("OR", CalcOpCode.BitOr, 1), ("XOR", CalcOpCode.BitXor, 1),
        ("&&", CalcOpCode.And, 2), ("&", CalcOpCode.BitAnd, 2), ("AND", CalcOpCode.BitAnd, 2),
        (">>>", CalcOpCode.ShiftRightLogical, 2), (">>", CalcOpCode.ShiftRight, 2), ("<<", CalcOpCode.ShiftLeft, 2),
        ("<=", CalcOpCode.LessOrEqual, 3), (">=", CalcOpCode.GreaterOrEqual, 3), ("<", CalcOpCode.Less, 3), (">", CalcOpCode.Greater, 3),
        ("==", CalcOpCode.Equal, 3), ("!=", CalcOpCode.NotEqual, 3), ("=", CalcOpCode.Equal, 3), ("#", CalcOpCode.NotEqual, 3),
        ("+", CalcOpCode.Add, 4), ("-", CalcOpCode.Subtract, 4),
        ("*", CalcOpCode.Multiply, 5), ("/", CalcOpCode.Divide, 5), ("%", CalcOpCode.Modulo, 5),
        ("**", CalcOpCode.Power, 6), ("^", CalcOpCode.Power, 6),
    ];

    private static readonly Dictionary<string, CalcOpCode> UnaryFunctions = new(StringComparer.Ordinal)
    {
        ["ABS"] = CalcOpCode.Abs,
        ["ACOS"] = CalcOpCode.Acos,
        ["ASIN"] = CalcOpCode.Asin,
        ["ATAN"] = CalcOpCode.Atan,
        ["CEIL"] = CalcOpCode.Ceil,
        ["COS"] = CalcOpCode.Cos,
        ["COSH"] = CalcOpCode.Cosh,
        ["EXP"] = CalcOpCode.Exp,
        ["FLOOR"] = CalcOpCode.Floor,
        ["ISINF"] = CalcOpCode.IsInf,
        ["LN"] = CalcOpCode.Ln,
        ["LOGE"] = CalcOpCode.Ln,
        ["LOG"] = CalcOpCode.Log10,
        ["NINT"] = CalcOpCode.Nint,
        ["SIN"] = CalcOpCode.Sin,
        ["SINH"] = CalcOpCode.Sinh,
        ["SQR"] = CalcOpCode.Sqrt,
        ["SQRT"] = CalcOpCode.Sqrt,
        ["TAN"] = CalcOpCode.Tan,
        ["TANH"] = CalcOpCode.Tanh,
        ["NOT"] = CalcOpCode.BitNot,
    };

    private static readonly Dictionary<string, CalcOpCode> BinaryFunctions = new(StringComparer.Ordinal)
    {
        ["ATAN2"] = CalcOpCode.Atan2,
        ["FMOD"] = CalcOpCode.Fmod,
    };

    private static readonly Dictionary<string, CalcOpCode> VariadicFunctions = new(StringComparer.Ordinal)
    {
        ["MAX"] = CalcOpCode.Max,
        ["MIN"] = CalcOpCode.Min,
        ["FINITE"] = CalcOpCode.Finite,
        ["ISNAN"] = CalcOpCode.IsNan,
    };

    private static readonly Dictionary<string, double> Constants = new(StringComparer.Ordinal)
    {
        ["PI"] = Math.PI,
        ["D2R"] = Math.PI / 180,
        ["R2D"] = 180 / Math.PI,
        ["INF"] = double.PositiveInfinity,
        ["NAN"] = double.NaN,
    };

    // Every name an operand may start with, longest first so that the longest match wins.
    private static readonly string[] OperandNames =
    [
        .. UnaryFunctions.Keys.Concat(BinaryFunctions.Keys).Concat(VariadicFunctions.Keys).Concat(Constants.Keys)
            .Concat(["VAL", "RNDM"]).Concat(Enumerable.Range(0, CalcExpression.VariableCount).Select(i => ((char)('A' + i)).ToString()))
            .OrderByDescending(n => n.Length),
    ];

    private readonly string _text;
    private readonly List<CalcOp> _ops = [];
    private int _position;
    private int _depth;
    private int _maxDepth;

    private CalcCompiler(string text) => _text = text;

    /// <summary>Compiles <paramref name="text"/>: the instructions and the stack depth they need.</summary>
    public static (CalcOp[] Ops, int StackDepth) Compile(string text)
    {
        var compiler = new CalcCompiler(text);
        compiler.CompileProgram();
        return ([.. compiler._ops], Math.Max(1, compiler._maxDepth));
    }

    private CalcException Error(string reason, int? position = null) => new(_text, (position ?? _position) + 1, reason);

    private void Emit(CalcOpCode code, int stackEffect, double value = 0, int argument = 0)
    {
        _ops.Add(new CalcOp(code, value, argument));
        _depth += stackEffect;
        _maxDepth = Math.Max(_maxDepth, _depth);
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private bool AtEnd
    {
        get
        {
            SkipSpace();
            return _position >= _text.Length;
        }
    }

    private bool Match(string token)
    {
        SkipSpace();
        if (string.Compare(_text, _position, token, 0, token.Length, StringComparison.OrdinalIgnoreCase) == 0 && _position + token.Length <= _text.Length)
        {
            _position += token.Length;
            return true;
        }

        return false;
    }

    private void Expect(string token, string context)
    {
        if (!Match(token))
        {
            throw Error(AtEnd ? $"Expected '{token}' {context} but the expression ends" : $"Expected '{token}' {context}");
        }
    }

    // statement (';' statement)*, where a statement is VAR ':=' expression or an expression; exactly one
    // statement must leave a value, the result.
    private void CompileProgram()
    {
        if (AtEnd)
        {
            throw Error("Empty expression");
        }

        var results = 0;
        while (true)
        {
            var start = _position;
            if (TryAssignmentTarget() is { } variable)
            {
                ParseConditional();
                Emit(CalcOpCode.Store, -1, argument: variable);
            }
            else
            {
                ParseConditional();
                if (++results > 1)
                {
                    throw Error("More than one result (only one statement may leave a value)", start);
                }
            }

            if (AtEnd)
            {
                break;
            }

            if (!Match(";"))
            {
                throw Error($"Expected an operator, ';' or the end of the expression but found '{_text[_position..]}'");
            }
        }

        if (results == 0)
        {
            throw Error("No result (every statement is an assignment)", 0);
        }
    }

    // A variable followed by ':=' starts an assignment; anything else is left for the expression parser.
    private int? TryAssignmentTarget()
    {
        SkipSpace();
        var start = _position;
        if (_position < _text.Length && char.ToUpperInvariant(_text[_position]) is >= 'A' and <= 'L')
        {
            var variable = char.ToUpperInvariant(_text[_position]) - 'A';
            _position++;
            if (Match(":="))
            {
                return variable;
            }
        }

        _position = start;
        return null;
    }

    private void ParseConditional()
    {
        ParseBinary(1);
        if (!Match("?"))
        {
            return;
        }

        var jumpIfZero = _ops.Count;
        Emit(CalcOpCode.JumpIfZero, -1);
        ParseConditional();
        var thenDepth = _depth;
        SkipSpace();
        if (_position < _text.Length && _text[_position] == ':' && !(_position + 1 < _text.Length && _text[_position + 1] == '='))
        {
            _position++;
        }
        else
        {
            throw Error(AtEnd ? "Conditional '?' without ':' before the end of the expression" : "Expected ':' of the conditional '?'");
        }

        var jump = _ops.Count;
        Emit(CalcOpCode.Jump, -1);
        _ops[jumpIfZero] = _ops[jumpIfZero] with { Argument = _ops.Count };
        ParseConditional();
        _ops[jump] = _ops[jump] with { Argument = _ops.Count };
        _depth = thenDepth;
    }

    private void ParseBinary(int level)
    {
        if (level > 6)
        {
            ParseUnary();
            return;
        }

        ParseBinary(level + 1);
        while (true)
        {
            SkipSpace();
            var op = PeekBinaryOperator();
            if (op is null || op.Value.Level != level)
            {
                return;
            }

            _position += op.Value.Name.Length;
            ParseBinary(level + 1);
            Emit(op.Value.Code, -1);
        }
    }

    private (string Name, CalcOpCode Code, int Level)? PeekBinaryOperator()
    {
        (string Name, CalcOpCode Code, int Level)? best = null;
        foreach (var op in BinaryOperators)
        {
            if (string.Compare(_text, _position, op.Name, 0, op.Name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && _position + op.Name.Length <= _text.Length
                && (best is null || op.Name.Length > best.Value.Name.Length))
            {
                best = op;
            }
        }

        // ':=' is assignment, not '=' after something.
        return best;
    }

    private void ParseUnary()
    {
        SkipSpace();
        if (_position >= _text.Length)
        {
            throw Error("Expected an operand but the expression ends");
        }

        var c = _text[_position];
        switch (c)
        {
            case '-':
                _position++;
                ParseUnary();
                Emit(CalcOpCode.Negate, 0);
                return;
            case '+':
                _position++;
                ParseUnary();
                return;
            case '!':
                _position++;
                ParseUnary();
                Emit(CalcOpCode.Not, 0);
                return;
            case '~':
                _position++;
                ParseUnary();
                Emit(CalcOpCode.BitNot, 0);
                return;
            case '(':
                {
                    var open = _position++;
                    ParseConditional();
                    SkipSpace();
                    if (!Match(")"))
                    {
                        throw Error(AtEnd ? "Parenthesis still open at the end of the expression" : "Expected ')'", AtEnd ? open : null);
                    }

                    return;
                }
        }

        if (char.IsAsciiDigit(c) || c == '.')
        {
            ParseNumber();
            return;
        }

        if (char.IsAsciiLetter(c))
        {
            ParseName();
            return;
        }

        throw Error(c == ')' ? "Close parenthesis without an open one" : $"Expected an operand but found '{c}'");
    }

    private void ParseNumber()
    {
        var start = _position;
        if (_text.Length - _position > 2 && _text[_position] == '0' && _text[_position + 1] is 'x' or 'X')
        {
            _position += 2;
            var digits = _position;
            while (_position < _text.Length && char.IsAsciiHexDigit(_text[_position]))
            {
                _position++;
            }

            if (_position == digits || !uint.TryParse(_text.AsSpan(digits, _position - digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
            {
                throw Error("Badly formed hexadecimal literal", start);
            }

            Emit(CalcOpCode.Push, 1, value: unchecked((int)hex));
            return;
        }

        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        if (_position < _text.Length && _text[_position] == '.')
        {
            _position++;
            while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
            {
                _position++;
            }
        }

        if (_position < _text.Length && _text[_position] is 'e' or 'E')
        {
            var exponent = _position + 1;
            if (exponent < _text.Length && _text[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < _text.Length && char.IsAsciiDigit(_text[exponent]))
            {
                _position = exponent;
                while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
                {
                    _position++;
                }
            }
        }

        if (!double.TryParse(_text.AsSpan(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw Error("Badly formed numeric literal", start);
        }

        Emit(CalcOpCode.Push, 1, value: value);
    }

    private void ParseName()
    {
        var start = _position;
        var end = _position;
        while (end < _text.Length && char.IsAsciiLetterOrDigit(_text[end]))
        {
            end++;
        }

        var name = OperandNames.FirstOrDefault(n =>
            string.Compare(_text, _position, n, 0, n.Length, StringComparison.OrdinalIgnoreCase) == 0 && _position + n.Length <= _text.Length);

        // As in EPICS a function name may run into its operand ("SINA" is SIN A), but a word that only starts with
        // a variable or constant ("FOO", "AB") is an unknown name, not a juxtaposition.
        var isFunction = name is not null && (UnaryFunctions.ContainsKey(name) || BinaryFunctions.ContainsKey(name) || VariadicFunctions.ContainsKey(name));
        if (name is null || (!isFunction && name.Length < end - start && char.IsAsciiLetter(_text[start + name.Length])))
        {
            throw Error($"Unknown name '{_text[start..end]}'", start);
        }

        _position += name.Length;
        if (name.Length == 1)
        {
            Emit(CalcOpCode.Fetch, 1, argument: name[0] - 'A');
        }
        else if (name == "VAL")
        {
            Emit(CalcOpCode.FetchVal, 1);
        }
        else if (name == "RNDM")
        {
            Emit(CalcOpCode.Random, 1);
        }
        else if (Constants.TryGetValue(name, out var constant))
        {
            Emit(CalcOpCode.Push, 1, value: constant);
        }
        else if (UnaryFunctions.TryGetValue(name, out var unary))
        {
            ParseUnary();
            Emit(unary, 0);
        }
        else if (BinaryFunctions.TryGetValue(name, out var binary))
        {
            var count = ParseArguments(name, start);
            if (count != 2)
            {
                throw Error($"{name} takes 2 arguments, not {count}", start);
            }

            Emit(binary, -1);
        }
        else
        {
            var count = ParseArguments(name, start);
            Emit(VariadicFunctions[name], 1 - count, argument: count);
        }
    }

    private int ParseArguments(string function, int start)
    {
        if (!Match("("))
        {
            throw Error($"Expected '(' after {function}");
        }

        var count = 0;
        do
        {
            ParseConditional();
            count++;
        }
        while (Match(","));

        if (!Match(")"))
        {
            throw Error(AtEnd ? $"Parenthesis of {function} still open at the end of the expression" : $"Expected ',' or ')' in the arguments of {function}", AtEnd ? start : null);
        }

        return count;
    }
}
