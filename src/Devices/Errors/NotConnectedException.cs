using System.Text;

namespace Hyperion.Devices.Errors;

/// <summary>
/// A device or signal that did not connect (ophyd-async's NotConnected): a leaf names the PV and why; a device's
/// error holds its children's, so the message lists every failed PV in the tree, indented by depth.
/// </summary>
public sealed class NotConnectedException : Exception
{
    /// <summary>A leaf failure: <paramref name="reason"/> names the PV.</summary>
    public NotConnectedException(string reason, Exception? innerException = null)
        : base(reason, innerException)
    {
        Children = new Dictionary<string, Exception>();
    }

    /// <summary>A device's failure: the errors of its children that failed, by child name.</summary>
    public NotConnectedException(IReadOnlyDictionary<string, Exception> children)
        : base(Format(children, 0))
    {
        Children = children;
    }

    /// <summary>The failed children by name (empty for a leaf).</summary>
    public IReadOnlyDictionary<string, Exception> Children { get; }

    /// <summary>Every leaf failure in the tree, as "child-path: reason".</summary>
    public IEnumerable<string> Failures(string path = "")
    {
        if (Children.Count == 0)
        {
            yield return string.IsNullOrEmpty(path) ? Message : $"{path}: {Message}";
            yield break;
        }

        foreach (var (name, error) in Children)
        {
            var childPath = string.IsNullOrEmpty(path) ? name : $"{path}.{name}";
            if (error is NotConnectedException nested)
            {
                foreach (var failure in nested.Failures(childPath))
                {
                    yield return failure;
                }
            }
            else
            {
                yield return $"{childPath}: {error.GetType().Name}: {error.Message}";
            }
        }
    }

    private static string Format(IReadOnlyDictionary<string, Exception> children, int depth)
    {
        var text = new StringBuilder();
        foreach (var (name, error) in children)
        {
            text.Append('\n').Append(' ', depth * 4).Append(name).Append(':');
            if (error is NotConnectedException { Children.Count: > 0 } nested)
            {
                text.Append(Format(nested.Children, depth + 1));
            }
            else
            {
                var kind = error is NotConnectedException ? string.Empty : error.GetType().Name + ": ";
                text.Append(' ').Append(kind).Append(error.Message);
            }
        }

        return text.ToString();
    }
}
