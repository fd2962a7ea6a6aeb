using Hyperion.ChannelAccess.Server;
using Hyperion.ChannelAccess.SoftIoc.Database;
using Hyperion.ChannelAccess.SoftIoc.DbFile;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.ChannelAccess.Tests.SoftIoc;

/// <summary>A started record database on a fake clock, with helpers that read and write PVs as the CA server would.</summary>
internal sealed class TestIoc : IDisposable
{
    public TestIoc(string db, string macros = "", RecordDatabaseOptions? options = null)
    {
        Database = new RecordDatabase(Time, options);
        Database.Load(new DbParser(MacroTable.Parse(macros)).Parse(db, "test.db"));
        Database.Start();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public RecordDatabase Database { get; }

    public IServerPv Pv(string name) => Database.Find(name) ?? throw new InvalidOperationException($"No PV {name}.");

    public DbrValue Read(string name) => Pv(name).Read();

    public double Number(string name) => Read(name).GetDouble();

    public string Text(string name) => Read(name).GetString();

    /// <summary>Writes as the server does: the value converted to the PV's native type (labels to enum indexes).</summary>
    public Task<EcaStatus> PutAsync(string name, object value)
    {
        var pv = Pv(name);
        if (value is DbrValue raw)
        {
            // Written as given: what a provider must cope with when a caller skips the conversion.
            return pv.WriteAsync(raw, ClientIdentity.Anonymous).AsTask();
        }

        var source = value switch
        {
            string s => DbrValue.Of(s),
            int i => DbrValue.Of(i),
            double d => DbrValue.Of(d),
            double[] a => DbrValue.Of(a),
            _ => throw new ArgumentException($"Can't write {value}."),
        };
        DbrValue converted;
        if (pv.NativeType == DbrType.Enum && source.ValueType == DbrType.String)
        {
            converted = new DbrValue(DbrType.Enum, new[] { (ushort)DbrConvert.Parse(source.GetString(), DbrType.Enum, pv.Read().EnumStrings) });
        }
        else
        {
            converted = DbrConvert.To(source, pv.NativeType);
        }

        return pv.WriteAsync(converted, ClientIdentity.Anonymous).AsTask();
    }

    /// <summary>Writes and expects the write to complete at once.</summary>
    public EcaStatus Put(string name, object value)
    {
        var task = PutAsync(name, value);
        Assert.True(task.IsCompleted, $"The write to {name} should complete at once.");
        return task.Result;
    }

    public List<PvUpdate> Monitor(string name)
    {
        var updates = new List<PvUpdate>();
        Pv(name).Subscribe(updates.Add);
        return updates;
    }

    public void Advance(double seconds) => Time.Advance(TimeSpan.FromSeconds(seconds));

    public void Dispose() => Database.Dispose();
}
