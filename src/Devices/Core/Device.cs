using System.Collections.Concurrent;
using System.Reflection;
using Hyperion.Devices.Errors;
using Hyperion.Engine.Protocols;

namespace Hyperion.Devices.Core;

/// <summary>
/// A node in a device tree (ophyd-async's Device). Children are the device-typed properties of the subclass, found
/// by reflection and named in snake_case (a <c>UserReadback</c> property of "smargon-x" is "smargon-x-user_readback");
/// <see cref="DeviceChildAttribute"/> renames one and <see cref="NotAChildAttribute"/> leaves one out. Initialize
/// children in property initializers (they run before this constructor, so a name given here reaches them) or call
/// <see cref="SetName"/> after construction. Connecting connects the children in parallel and remembers success.
/// </summary>
public abstract class Device : IHasName, IHasParent
{
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name)[]> ChildProperties = new();
    private readonly Lock _connectGate = new();
    private Task? _connect;
    private bool? _connectedMock;

    /// <summary>Creates the device and names it and the children its property initializers made (setting their parent).</summary>
    protected Device(string name = "")
    {
        SetName(name);
    }

    /// <summary>The device's name; children are named after it, joined with '-'.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>The device this one is a child of.</summary>
    public Device? Parent { get; private set; }

    object? IHasParent.Parent => Parent;

    /// <summary>Whether the last connect was in mock mode (null before any connect succeeded).</summary>
    public bool? ConnectedInMockMode => _connectedMock;

    /// <summary>The children, by child name, in declaration order.</summary>
    public virtual IEnumerable<KeyValuePair<string, Device>> Children
    {
        get
        {
            foreach (var (property, name) in ChildProperties.GetOrAdd(GetType(), FindChildProperties))
            {
                if (property.GetValue(this) is Device child)
                {
                    yield return new(name, child);
                }
            }
        }
    }

    /// <summary>Names this device and, recursively, its children ("parent-child").</summary>
    public virtual void SetName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        foreach (var (childName, child) in Children)
        {
            child.Parent = this;
            child.SetName(string.IsNullOrEmpty(name) ? string.Empty : $"{name}-{childName}");
        }
    }

    /// <summary>
    /// Connects the tree: children in parallel within <see cref="DeviceConnectOptions.Timeout"/>. A device that
    /// connected before in the same mode returns at once unless <see cref="DeviceConnectOptions.Force"/>; a failure
    /// is a <see cref="NotConnectedException"/> listing every signal that failed.
    /// </summary>
    public Task ConnectAsync(DeviceConnectOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DeviceConnectOptions();
        lock (_connectGate)
        {
            var reuse = _connect is { } previous && !options.Force && _connectedMock == options.Mock && !previous.IsFaulted && !previous.IsCanceled;
            if (!reuse)
            {
                _connectedMock = options.Mock;
                _connect = ConnectCoreAsync(options, cancellationToken);
            }

            return _connect!;
        }
    }

    /// <summary>Connects this device's own resources and its children; signals override it to connect their backend.</summary>
    protected virtual async Task ConnectCoreAsync(DeviceConnectOptions options, CancellationToken cancellationToken)
    {
        var children = Children.ToList();
        var attempts = children.Select(c => c.Value.ConnectAsync(options, cancellationToken)).ToList();
        try
        {
            await Task.WhenAll(attempts).ConfigureAwait(false);
        }
        catch (Exception) when (attempts.Any(a => a.IsFaulted))
        {
            var failures = new Dictionary<string, Exception>();
            for (var i = 0; i < children.Count; i++)
            {
                if (attempts[i].Exception is { } error)
                {
                    failures[children[i].Key] = error.InnerExceptions.Count == 1 ? error.InnerException! : error;
                }
            }

            throw new NotConnectedException(failures);
        }

        await OnConnectedAsync(options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs after every child connected: where a device in mock mode installs its mock behaviour.</summary>
    protected virtual Task OnConnectedAsync(DeviceConnectOptions options, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Every device in the tree below this one (not including it), depth first.</summary>
    public IEnumerable<Device> Descendants()
    {
        foreach (var (_, child) in Children)
        {
            yield return child;
            foreach (var grandchild in child.Descendants())
            {
                yield return grandchild;
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{GetType().Name}({Name})";

    private static (PropertyInfo, string)[] FindChildProperties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(p => typeof(Device).IsAssignableFrom(p.PropertyType) && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<NotAChildAttribute>() is null
                && p.Name != nameof(Parent))
            .OrderBy(p => p.MetadataToken)
            .Select(p => (p, p.GetCustomAttribute<DeviceChildAttribute>()?.Name ?? DeviceNaming.ToSnakeCase(p.Name)))];
}
