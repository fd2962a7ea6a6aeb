using System.Runtime.CompilerServices;
using System.Text.Json;
using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Recipes;

namespace Hyperion.FakeZocalo.Tests.Centring;

/// <summary>
/// Centring agrees with DLS's own code: dls-reference-cases.json holds DLS's gridscan2d/gridscan3d outputs for
/// seeded random grids (snaked and not, both orientations, several thresholds, ties for the maximum voxel).
/// </summary>
public sealed class DlsReferenceTests
{
    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Load().RootElement.GetProperty("cases").GetArrayLength(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Results_match_dls_x_ray_centring(int index)
    {
        using var document = Load();
        var testCase = document.RootElement.GetProperty("cases")[index];
        var expected = testCase.GetProperty("expected");

        var outcome = CentringRequest.Parse(testCase.GetProperty("input")).Run();

        Assert.Equal(XrcResultsEnvelope.ParseResults(expected, "$"), outcome.Results);
        Assert.Equal(expected.GetRawText(), XrcResultsEnvelope.ResultsToJson(outcome.Results));
    }

    private static JsonDocument Load() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(), "dls-reference-cases.json")));

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
