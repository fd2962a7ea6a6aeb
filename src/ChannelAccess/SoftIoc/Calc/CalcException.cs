namespace Hyperion.ChannelAccess.SoftIoc.Calc;

/// <summary>A CALC expression that does not compile; names the expression, the 1-based column and the problem.</summary>
public sealed class CalcException : Exception
{
    /// <summary>Creates the error.</summary>
    public CalcException(string expression, int column, string reason)
        : base($"{reason} at column {column} of CALC expression \"{expression}\"")
    {
        Expression = expression;
        Column = column;
        Reason = reason;
    }

    /// <summary>The expression.</summary>
    public string Expression { get; }

    /// <summary>The 1-based column of the problem.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }
}
