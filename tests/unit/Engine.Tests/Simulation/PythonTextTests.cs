using Hyperion.Engine.Simulation;

namespace Hyperion.Engine.Tests.Simulation;

public class PythonTextTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(100.0, "100.0")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.5e16, "1.5e+16")]
    [InlineData(1e300, "1e+300")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(-2.5e-7, "-2.5e-07")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Floats_are_written_as_python_repr_writes_them(double value, string expected)
    {
        Assert.Equal(expected, PythonText.FloatRepr(value));
    }

    [Fact]
    public void Values_are_written_as_python_str_and_repr_write_them()
    {
        Assert.Equal("None", PythonText.Str(null));
        Assert.Equal("True", PythonText.Str(true));
        Assert.Equal("5", PythonText.Str(5));
        Assert.Equal("0.1", PythonText.Str(0.1f));
        Assert.Equal("lysozyme", PythonText.Str("lysozyme"));
        Assert.Equal("'lysozyme'", PythonText.Repr("lysozyme"));
        Assert.Equal("\"it's\"", PythonText.Repr("it's"));
        Assert.Equal("['det', 'motor']", PythonText.Repr(new List<string> { "det", "motor" }));
        Assert.Equal("[1.0, 2]", PythonText.Str(new object[] { 1.0, 2 }));
        Assert.Equal("{'x': 1.0}", PythonText.Str(new Dictionary<string, double> { ["x"] = 1.0 }));
        Assert.Equal("motor", PythonText.Str(new SynAxis("motor")));
    }
}
