namespace Hyperion.ChannelAccess.Protocol;

/// <summary>Constants of the Channel Access protocol (EPICS base's caProto.h).</summary>
public static class CaProtocol
{
    /// <summary>Major protocol version (CA_MAJOR_PROTOCOL_REVISION).</summary>
    public const ushort MajorVersion = 4;

    /// <summary>The minor protocol version we speak (EPICS base 3.14 onwards: 13).</summary>
    public const ushort MinorVersion = 13;

    /// <summary>The server port (EPICS_CA_SERVER_PORT default).</summary>
    public const int ServerPort = 5064;

    /// <summary>The repeater and beacon port (EPICS_CA_REPEATER_PORT default).</summary>
    public const int RepeaterPort = 5065;

    /// <summary>Size of the standard header.</summary>
    public const int HeaderSize = 16;

    /// <summary>Size of the extended header (standard header plus 32-bit payload size and count).</summary>
    public const int ExtendedHeaderSize = 24;

    /// <summary>Payload sizes and counts at or above this value need the extended header.</summary>
    public const int ExtendedMarker = 0xFFFF;

    /// <summary>Longest string value (MAX_STRING_SIZE), terminator included.</summary>
    public const int MaxStringSize = 40;

    /// <summary>Longest units string (MAX_UNITS_SIZE), terminator included.</summary>
    public const int MaxUnitsSize = 8;

    /// <summary>Longest enum state string (MAX_ENUM_STRING_SIZE), terminator included.</summary>
    public const int MaxEnumStringSize = 26;

    /// <summary>Number of enum states (MAX_ENUM_STATES).</summary>
    public const int MaxEnumStates = 16;

    /// <summary>Search reply flag: reply even when the name is not found (DOREPLY).</summary>
    public const ushort DoReply = 10;

    /// <summary>Search reply flag: reply only when found (DONTREPLY).</summary>
    public const ushort DontReply = 5;

    /// <summary>Default EPICS_CA_MAX_ARRAY_BYTES.</summary>
    public const int DefaultMaxArrayBytes = 16384;

    /// <summary>Seconds from the Unix epoch to the EPICS epoch (1990-01-01 00:00:00 UTC).</summary>
    public const long EpicsEpochOffsetSeconds = 631152000;

    /// <summary>Rounds <paramref name="size"/> up to the 8-byte alignment CA payloads use.</summary>
    public static int Pad8(int size) => (size + 7) & ~7;
}
