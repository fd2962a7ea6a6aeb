using System.Text;

namespace Hyperion.FakeZocalo.Transport.RabbitMq;

/// <summary>AMQP headers to and from what the client library carries (strings arrive as UTF-8 bytes).</summary>
internal static class RabbitMqHeaders
{
    public static Dictionary<string, object?> ToAmqp(IReadOnlyDictionary<string, object?>? headers)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                result[name] = value;
            }
        }

        return result;
    }

    public static IReadOnlyDictionary<string, object?> FromAmqp(IDictionary<string, object?>? headers)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                result[name] = value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value;
            }
        }

        return result;
    }
}
