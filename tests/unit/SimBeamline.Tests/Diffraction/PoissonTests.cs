using Hyperion.SimBeamline.Diffraction;

namespace Hyperion.SimBeamline.Tests.Diffraction;

public class PoissonTests
{
    [Theory]
    [InlineData(0.02)]
    [InlineData(0.7)]
    [InlineData(4)]
    [InlineData(25)]
    [InlineData(300)]
    [InlineData(5000)]
    public void Draws_have_the_mean_and_variance_of_a_Poisson_distribution(double mean)
    {
        var random = new Xoshiro256(42);
        const int n = 200_000;
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < n; i++)
        {
            double k = Poisson.Sample(ref random, mean);
            sum += k;
            sumSquares += k * k;
        }

        var m = sum / n;
        var variance = (sumSquares / n) - (m * m);

        // Five standard errors of the mean; the variance within 3 %.
        Assert.InRange(m, mean - (5 * Math.Sqrt(mean / n)), mean + (5 * Math.Sqrt(mean / n)));
        Assert.InRange(variance / mean, 0.97, 1.03);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(1.3)]
    [InlineData(9)]
    [InlineData(60)]
    public void Tabulated_draws_match_the_distribution(double mean)
    {
        var table = PoissonTable.For((float)mean);
        var random = new Xoshiro256(7);
        const int n = 200_000;
        var counts = new int[400];
        for (var i = 0; i < n; i++)
        {
            counts[table.Sample((uint)(random.NextUInt64() >> 32))]++;
        }

        // The table's mean is its bucket's (within 0.4 %): compare the frequencies of the likeliest counts.
        var p = Math.Exp(-mean);
        for (var k = 0; k < 200; k++)
        {
            var expected = p * n;
            if (expected > 500)
            {
                Assert.InRange(counts[k], expected - (5 * Math.Sqrt(expected)) - (0.02 * expected), expected + (5 * Math.Sqrt(expected)) + (0.02 * expected));
            }

            p *= mean / (k + 1);
        }
    }
}
