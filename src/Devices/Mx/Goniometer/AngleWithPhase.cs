namespace Hyperion.Devices.Mx.Goniometer;

/// <summary>
/// An unwrapped angle split into a whole-turn offset (a multiple of 360) and a phase in [0, 360), as dodal's
/// AngleWithPhase.
/// </summary>
/// <param name="Offset">The multiple of 360 degrees.</param>
/// <param name="Phase">The angle within the turn.</param>
public readonly record struct AngleWithPhase(double Offset, double Phase)
{
    /// <summary>The unwrapped angle, offset + phase.</summary>
    public double Unwrap() => Offset + Phase;

    /// <summary>Splits <paramref name="unwrapped"/> by floor division: -90 is offset -360, phase 270.</summary>
    public static AngleWithPhase Wrap(double unwrapped)
    {
        var offset = Math.Floor(unwrapped / 360) * 360;
        return new AngleWithPhase(offset, unwrapped - offset);
    }

    /// <summary>Moves whole turns of the phase into the offset so the phase is in [0, 360).</summary>
    public AngleWithPhase Normalise()
    {
        var turns = 360 * Math.Floor(Phase / 360);
        return new AngleWithPhase(Offset + turns, Phase - turns);
    }

    /// <summary>
    /// The angle with phase <paramref name="phase"/> (taken modulo 360) nearest this one: the offset stays unless
    /// the phase would have to travel more than 180 degrees, in which case it moves one turn the short way.
    /// </summary>
    public AngleWithPhase NearestTo(double phase)
    {
        var current = Normalise();
        var wanted = PythonModulo(phase, 360);
        double offset;
        if (wanted > current.Phase)
        {
            offset = wanted - current.Phase <= 180 ? current.Offset : current.Offset - 360;
        }
        else
        {
            offset = current.Phase - wanted <= 180 ? current.Offset : current.Offset + 360;
        }

        return new AngleWithPhase(offset, wanted);
    }

    private static double PythonModulo(double value, double modulus)
    {
        var remainder = value % modulus;
        return remainder < 0 ? remainder + modulus : remainder;
    }
}
