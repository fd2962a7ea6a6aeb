namespace Hyperion.FakeZocalo.Centring;

/// <summary>
/// Connected-component labelling with full connectivity (26 neighbours in 3D; with one axis of length 1 it is
/// 8-connectivity in 2D), numbering components in the order a C-order scan first meets them, as
/// <c>scipy.ndimage.label</c> with a 3×3×3 structure of ones does.
/// </summary>
internal static class ComponentLabeller
{
    /// <summary>Labels the set cells of a C-ordered <c>[n0, n1, n2]</c> mask.</summary>
    /// <returns>Per-cell labels (0 for unset cells, 1.. for components) and the number of components.</returns>
    public static (int[] Labels, int Count) Label(bool[] mask, int n0, int n1, int n2)
    {
        var labels = new int[mask.Length];
        var pending = new Stack<int>();
        var count = 0;
        for (var start = 0; start < mask.Length; start++)
        {
            if (!mask[start] || labels[start] != 0)
            {
                continue;
            }

            count++;
            labels[start] = count;
            pending.Push(start);
            while (pending.Count > 0)
            {
                var cell = pending.Pop();
                var i = cell / (n1 * n2);
                var j = cell / n2 % n1;
                var k = cell % n2;
                for (var di = -1; di <= 1; di++)
                {
                    var ni = i + di;
                    if ((uint)ni >= (uint)n0)
                    {
                        continue;
                    }

                    for (var dj = -1; dj <= 1; dj++)
                    {
                        var nj = j + dj;
                        if ((uint)nj >= (uint)n1)
                        {
                            continue;
                        }

                        for (var dk = -1; dk <= 1; dk++)
                        {
                            var nk = k + dk;
                            if ((uint)nk >= (uint)n2)
                            {
                                continue;
                            }

                            var neighbour = ((ni * n1) + nj) * n2 + nk;
                            if (mask[neighbour] && labels[neighbour] == 0)
                            {
                                labels[neighbour] = count;
                                pending.Push(neighbour);
                            }
                        }
                    }
                }
            }
        }

        return (labels, count);
    }
}
