namespace Hyperion.FakeZocalo.Centring;

/// <summary>
/// Which way the fast axis of a grid scan runs, as ISPyB's <c>GridInfo.orientation</c> spells it
/// (<c>horizontal</c> or <c>vertical</c>).
/// </summary>
public enum GridOrientation
{
    /// <summary>Rows are acquired along x; a snaked scan reverses every odd row.</summary>
    Horizontal,

    /// <summary>Columns are acquired along y; a snaked scan reverses every odd column.</summary>
    Vertical,
}
