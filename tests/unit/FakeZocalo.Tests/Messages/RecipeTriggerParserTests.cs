using System.Text;
using Hyperion.FakeZocalo.Messages;

namespace Hyperion.FakeZocalo.Tests.Messages;

public sealed class RecipeTriggerParserTests
{
    private static RecipeTrigger Parse(string json) => RecipeTriggerParser.Parse(Encoding.UTF8.GetBytes(json));

    private static TriggerMessageException Bad(string json) => Assert.Throws<TriggerMessageException>(() => Parse(json));

    [Fact]
    public void A_hyperion_start_message_parses_with_every_field()
    {
        var trigger = Parse("""
            {"recipes": ["mimas"], "parameters": {"ispyb_dcid": 16085800, "filename": "ins_10_31", "start_frame_index": 0,
             "number_of_frames": 1140, "message_index": 0, "event": "start", "guid": "d6f117bb-c856-4df8-b9bc-2d3c625e9fd5"}}
            """);
        string[] recipes = ["mimas"];
        Assert.Equal(
            new RecipeTrigger(recipes, TriggerEvent.Start, 16085800, "ins_10_31", 0, 1140, 0, "d6f117bb-c856-4df8-b9bc-2d3c625e9fd5"),
            trigger with { Recipes = recipes });
        Assert.Equal(["mimas"], trigger.Recipes);
    }

    [Fact]
    public void An_end_message_needs_only_the_event_and_dcid()
    {
        var trigger = Parse("""{"recipes": ["mimas"], "parameters": {"event": "end", "ispyb_dcid": 42}}""");
        Assert.Equal(TriggerEvent.End, trigger.Event);
        Assert.Equal(42, trigger.Dcid);
    }

    [Theory]
    [InlineData("not json", "$")]
    [InlineData("[1]", "$")]
    [InlineData("""{"parameters": {}}""", "$.recipes")]
    [InlineData("""{"recipes": [], "parameters": {}}""", "$.recipes")]
    [InlineData("""{"recipes": [3], "parameters": {}}""", "$.recipes[0]")]
    [InlineData("""{"recipes": ["mimas"]}""", "$.parameters")]
    [InlineData("""{"recipes": ["mimas"], "parameters": []}""", "$.parameters")]
    [InlineData("""{"recipes": ["mimas"], "parameters": {"ispyb_dcid": 1}}""", "$.parameters.event")]
    [InlineData("""{"recipes": ["mimas"], "parameters": {"event": "pause", "ispyb_dcid": 1}}""", "$.parameters.event")]
    [InlineData("""{"recipes": ["mimas"], "parameters": {"event": "end"}}""", "$.parameters.ispyb_dcid")]
    [InlineData("""{"recipes": ["mimas"], "parameters": {"event": "end", "ispyb_dcid": "12"}}""", "$.parameters.ispyb_dcid")]
    [InlineData("""{"recipes": ["mimas"], "parameters": {"event": "end", "ispyb_dcid": 1.5}}""", "$.parameters.ispyb_dcid")]
    [InlineData("""{"recipes": ["mimas"], "parameters": {"event": "end", "ispyb_dcid": 0}}""", "$.parameters.ispyb_dcid")]
    [InlineData("""{"recipes": ["mimas"], "parameters": {"event": "start", "ispyb_dcid": 1, "start_frame_index": 0, "number_of_frames": 1, "message_index": 0}}""", "$.parameters.filename")]
    [InlineData("""{"recipes": ["mimas"], "parameters": {"event": "start", "ispyb_dcid": 1, "filename": "../etc/x", "start_frame_index": 0, "number_of_frames": 1, "message_index": 0}}""", "$.parameters.filename")]
    [InlineData("""{"recipes": ["mimas"], "parameters": {"event": "start", "ispyb_dcid": 1, "filename": "f", "start_frame_index": -1, "number_of_frames": 1, "message_index": 0}}""", "$.parameters.start_frame_index")]
    [InlineData("""{"recipes": ["mimas"], "parameters": {"event": "start", "ispyb_dcid": 1, "filename": "f", "start_frame_index": 0, "number_of_frames": 0, "message_index": 0}}""", "$.parameters.number_of_frames")]
    [InlineData("""{"recipes": ["mimas"], "parameters": {"event": "start", "ispyb_dcid": 1, "filename": "f", "start_frame_index": 0, "number_of_frames": 5}}""", "$.parameters.message_index")]
    [InlineData("""{"recipes": ["mimas"], "parameters": {"event": "start", "ispyb_dcid": 1, "filename": "f", "start_frame_index": "{start_frame_index}", "number_of_frames": 5, "message_index": 0}}""", "$.parameters.start_frame_index")]
    public void Bad_messages_name_the_offending_field(string json, string path)
    {
        var error = Bad(json);
        Assert.Equal(path, error.Path);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(json, error.Body);
    }
}
