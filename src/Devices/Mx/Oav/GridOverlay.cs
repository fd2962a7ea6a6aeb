namespace Hyperion.Devices.Mx.Oav;

/// <summary>Draws a grid scan's boxes onto a snapshot (dodal's snapshots/grid_overlay.py).</summary>
public static class GridOverlay
{
    /// <summary>Draws the grid's outer border: two vertical and two horizontal lines.</summary>
    public static void AddGridBorderOverlayToImage(SnapshotImage image, int topLeftX, int topLeftY, double boxWidth, int numBoxesX, int numBoxesY)
    {
        AddParallelLines(image, topLeftX, topLeftY, (int)(numBoxesY * boxWidth), (int)(numBoxesX * boxWidth), 2, vertical: true);
        AddParallelLines(image, topLeftX, topLeftY, (int)(numBoxesX * boxWidth), (int)(numBoxesY * boxWidth), 2, vertical: false);
    }

    /// <summary>Draws the lines between the grid's boxes (not the border).</summary>
    public static void AddGridOverlayToImage(SnapshotImage image, int topLeftX, int topLeftY, double boxWidth, int numBoxesX, int numBoxesY)
    {
        AddParallelLines(image, (int)(topLeftX + boxWidth), topLeftY, (int)(numBoxesY * boxWidth), boxWidth, numBoxesX - 1, vertical: true);
        AddParallelLines(image, topLeftX, (int)(topLeftY + boxWidth), (int)(numBoxesX * boxWidth), boxWidth, numBoxesY - 1, vertical: false);
    }

    private static void AddParallelLines(SnapshotImage image, int startX, int startY, int lineLength, double spacing, int numLines, bool vertical)
    {
        ArgumentNullException.ThrowIfNull(image);
        for (var i = 0; i < numLines; i++)
        {
            var offset = (int)(i * spacing);
            if (vertical)
            {
                image.DrawLine(startX + offset, startY, startX + offset, startY + lineLength);
            }
            else
            {
                image.DrawLine(startX, startY + offset, startX + lineLength, startY + offset);
            }
        }
    }
}
