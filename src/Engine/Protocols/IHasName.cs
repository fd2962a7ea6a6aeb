namespace Hyperion.Engine.Protocols;

/// <summary>An object with a name, used as the key of its readings and in documents.</summary>
public interface IHasName
{
    /// <summary>The object's name.</summary>
    string Name { get; }
}
