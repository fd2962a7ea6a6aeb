namespace Hyperion.SimBeamline.Behaviours;

/// <summary>A fault that cannot be injected: names the fault (its index in a file) and what is wrong.</summary>
public sealed class FaultException(string where, string problem, Exception? innerException = null)
    : Exception($"{where}: {problem}", innerException);
