using Hyperion.ChannelAccess.Server;
using Hyperion.ChannelAccess.SoftIoc.Database;

namespace Hyperion.ChannelAccess.Tests.SoftIoc;

public class ProviderBehaviourClassNameTests
{
    [Fact]
    public void Record_fields_answer_DBR_CLASS_NAME_with_their_record_type()
    {
        using var db = new RecordDatabase(TimeProvider.System);
        db.AddRecord("ao", "T:AO");
        db.AddRecord("mbbi", "T:MBBI");
        db.Start();
        Assert.Equal("ao", db.Find("T:AO")!.ClassName);
        Assert.Equal("ao", db.Find("T:AO.EGU")!.ClassName);
        Assert.Equal("mbbi", db.Find("T:MBBI")!.ClassName);
        IServerPv soft = new SoftPv("T:SOFT", Dbr.DbrValue.Of(1.0));
        Assert.Equal("soft", soft.ClassName);
    }
}
