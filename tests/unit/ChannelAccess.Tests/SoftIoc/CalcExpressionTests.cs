using Hyperion.ChannelAccess.SoftIoc.Calc;

namespace Hyperion.ChannelAccess.Tests.SoftIoc;

public class CalcExpressionTests
{
    private static double Eval(string expression, params double[] operands)
    {
        var variables = new double[CalcExpression.VariableCount];
        operands.CopyTo(variables, 0);
        return CalcExpression.Compile(expression).Evaluate(variables);
    }

    [Theory]
    [InlineData("1+2*3", 7)]
    [InlineData("(1+2)*3", 9)]
    [InlineData("10-4-3", 3)]
    [InlineData("2^3^2", 64)]
    [InlineData("2**10", 1024)]
    [InlineData("-2^2", 4)]
    [InlineData("2^-1", 0.5)]
    [InlineData("7%3", 1)]
    [InlineData("-7%3", -1)]
    [InlineData("7.9%3", 1)]
    [InlineData("1/4", 0.25)]
    [InlineData(".5+1.5e1", 15.5)]
    [InlineData("0x10+1", 17)]
    public void Arithmetic_follows_epics_priorities(string expression, double expected) =>
        Assert.Equal(expected, Eval(expression), 12);

    [Theory]
    [InlineData("A<B", 1)]
    [InlineData("A<=1", 1)]
    [InlineData("A>B", 0)]
    [InlineData("B>=2", 1)]
    [InlineData("A==1", 1)]
    [InlineData("A=1", 1)]
    [InlineData("A!=1", 0)]
    [InlineData("A#1", 0)]
    [InlineData("A&&0", 0)]
    [InlineData("A||0", 1)]
    [InlineData("!A", 0)]
    [InlineData("!0", 1)]
    [InlineData("A<B&&B<3", 1)]
    [InlineData("A+1=B", 1)]
    public void Comparisons_and_logic_give_one_or_zero(string expression, double expected) =>
        Assert.Equal(expected, Eval(expression, 1, 2));

    [Theory]
    [InlineData("A?10:20", 1, 10)]
    [InlineData("A?10:20", 0, 20)]
    [InlineData("A>0?A<5?1:2:3", 3, 1)]
    [InlineData("A>0?A<5?1:2:3", 7, 2)]
    [InlineData("A>0?A<5?1:2:3", -1, 3)]
    [InlineData("(A?2:3)*10", 1, 20)]
    public void Conditionals_choose_a_branch(string expression, double a, double expected) =>
        Assert.Equal(expected, Eval(expression, a));

    [Theory]
    [InlineData("ABS(-3)", 3)]
    [InlineData("ABS -3", 3)]
    [InlineData("SQRT(16)", 4)]
    [InlineData("SQR(16)", 4)]
    [InlineData("MIN(3,1,2)", 1)]
    [InlineData("MAX(3,1,2)", 3)]
    [InlineData("MAX(A,B)", 2)]
    [InlineData("FLOOR(-1.5)", -2)]
    [InlineData("CEIL(1.2)", 2)]
    [InlineData("EXP(0)", 1)]
    [InlineData("LN(1)", 0)]
    [InlineData("LOG(1000)", 3)]
    [InlineData("SIN(0)+COS(0)", 1)]
    [InlineData("TAN(0)", 0)]
    [InlineData("ATAN(1)*4", Math.PI)]
    [InlineData("ATAN2(1,0)", 0)]
    [InlineData("ATAN2(0,1)", Math.PI / 2)]
    [InlineData("NINT(2.5)", 3)]
    [InlineData("NINT(-2.5)", -3)]
    [InlineData("NINT(2.4)", 2)]
    [InlineData("PI", Math.PI)]
    [InlineData("180*D2R", Math.PI)]
    [InlineData("FMOD(7.5,2)", 1.5)]
    [InlineData("sin(0) + abs(-a)", 1)]
    public void Functions_and_constants(string expression, double expected) =>
        Assert.Equal(expected, Eval(expression, 1, 2), 12);

    [Theory]
    [InlineData("5&3", 1)]
    [InlineData("5|3", 7)]
    [InlineData("5 XOR 3", 6)]
    [InlineData("5 AND 3", 1)]
    [InlineData("5 OR 2", 7)]
    [InlineData("1<<4", 16)]
    [InlineData("-16>>2", -4)]
    [InlineData("~0", -1)]
    [InlineData("NOT 0", -1)]
    public void Bit_operations_work_on_32_bit_integers(string expression, double expected) =>
        Assert.Equal(expected, Eval(expression));

    [Fact]
    public void All_twelve_operands_and_val_are_readable()
    {
        var variables = Enumerable.Range(1, 12).Select(i => (double)i).ToArray();
        Assert.Equal(78 + 100, CalcExpression.Compile("A+B+C+D+E+F+G+H+I+J+K+L+VAL").Evaluate(variables, 100));
    }

    [Fact]
    public void Assignments_change_the_operands_and_one_statement_gives_the_result()
    {
        var variables = new double[12];
        variables[0] = 5;
        var expression = CalcExpression.Compile("B:=A*2; C:=B+1; C*10");
        Assert.True(expression.Assigns);
        Assert.Equal(110, expression.Evaluate(variables));
        Assert.Equal((5, 10, 11), (variables[0], variables[1], variables[2]));
    }

    [Fact]
    public void Nan_propagates_through_max_and_min_and_isnan_detects_it()
    {
        Assert.True(double.IsNaN(Eval("MAX(1,NAN,3)")));
        Assert.True(double.IsNaN(Eval("MIN(NAN,1)")));
        Assert.Equal(1, Eval("ISNAN(1,NAN)"));
        Assert.Equal(0, Eval("FINITE(1,INF)"));
        Assert.Equal(1, Eval("ISINF(1/0)"));
        Assert.True(double.IsNaN(Eval("1%0")));
    }

    [Fact]
    public void Compiled_once_evaluated_many_times()
    {
        var expression = CalcExpression.Compile("A*A");
        var variables = new double[12];
        for (var i = 0; i < 5; i++)
        {
            variables[0] = i;
            Assert.Equal(i * i, expression.Evaluate(variables));
        }
    }

    [Theory]
    [InlineData("", 1, "Empty expression")]
    [InlineData("1+", 3, "Expected an operand but the expression ends")]
    [InlineData("1+*2", 3, "Expected an operand but found '*'")]
    [InlineData("(1+2", 1, "Parenthesis still open")]
    [InlineData("1+2)", 4, "Expected an operator")]
    [InlineData("A ? 1", 6, "Conditional '?' without ':'")]
    [InlineData("FOO+1", 1, "Unknown name 'FOO'")]
    [InlineData("A B", 3, "Expected an operator")]
    [InlineData("ATAN2(1)", 1, "ATAN2 takes 2 arguments, not 1")]
    [InlineData("MAX 1", 5, "Expected '(' after MAX")]
    [InlineData("1;2", 3, "More than one result")]
    [InlineData("A:=1", 1, "No result")]
    [InlineData("1..2", 3, "Expected an operator")]
    [InlineData("0x+1", 1, "Badly formed hexadecimal literal")]
    [InlineData("SINA+AB", 6, "Unknown name 'AB'")]
    [InlineData(")", 1, "Close parenthesis without an open one")]
    public void Syntax_errors_report_the_column(string expression, int column, string reason)
    {
        var e = Assert.Throws<CalcException>(() => CalcExpression.Compile(expression));
        Assert.Equal(column, e.Column);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        Assert.Contains($"column {column}", e.Message, StringComparison.Ordinal);
    }
}
