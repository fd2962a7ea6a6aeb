namespace Hyperion.FakeZocalo.Transport.RabbitMq;

/// <summary>Where the broker is and how patiently to reach it.</summary>
/// <param name="Uri">The broker, e.g. <c>amqp://guest:guest@localhost:5672/</c>.</param>
public sealed record RabbitMqOptions(Uri Uri)
{
    /// <summary>How long to keep trying to make the first connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The first wait between connection attempts; it doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan InitialReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between connection attempts.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a publish may wait for a connection that is recovering.</summary>
    public TimeSpan PublishTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The name the broker shows for this connection.</summary>
    public string ClientName { get; init; } = "fakezocalo";

    /// <summary>The default local broker (<c>amqp://guest:guest@localhost:5672/</c>).</summary>
    public static RabbitMqOptions Local { get; } = new(new Uri("amqp://guest:guest@localhost:5672/"));

    /// <summary>The URI without its password, for logs.</summary>
    public string Redacted => new UriBuilder(Uri) { Password = string.Empty, UserName = Uri.UserInfo.Split(':')[0] }.Uri.ToString();
}
