namespace Hyperion.ChannelAccess.SoftIoc.Calc;

/// <summary>One instruction: an opcode with its literal, variable index, argument count or jump target.</summary>
/// <param name="Code">The opcode.</param>
/// <param name="Value">The literal pushed by <see cref="CalcOpCode.Push"/>.</param>
/// <param name="Argument">Variable index (0 = A), argument count of a variadic function, or jump target.</param>
internal readonly record struct CalcOp(CalcOpCode Code, double Value = 0, int Argument = 0);
