using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OrleansShop.Runtime.Clustering.Transport;
using OrleansShop.Runtime.Streams;

namespace OrleansShop.Runtime.Tests.Streams;

public sealed class StreamMessageCodecTests
{
    private static readonly StreamMessageCodec Codec = new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() });

    [Fact]
    public void A_message_comes_back_as_its_stream_and_an_item_of_its_own_type()
    {
        var batch = StreamMessageCodec.EncodeBatch("commerce", [
            Codec.EncodeMessage(StreamId.Create("order-status", "o-1"), new StockChange("p-1", 7)),
            Codec.EncodeMessage(StreamId.Create("stock", "p-2"), "plain text"),
        ]);

        var reader = new FrameReader(batch);
        Assert.Equal("commerce", reader.ReadString());
        Assert.Equal(2, reader.ReadInt32());
        var first = Codec.DecodeMessage(reader.ReadBytes());
        var second = Codec.DecodeMessage(reader.ReadBytes());

        Assert.Equal(StreamId.Create("order-status", "o-1"), first.StreamId);
        Assert.Equal(new StockChange("p-1", 7), first.Item);
        Assert.Null(first.Token);
        Assert.Equal("plain text", second.Item);
    }

    [Fact]
    public void An_item_whose_type_this_silo_does_not_load_is_refused_by_name()
    {
        var buffer = new FrameBuffer();
        buffer.WriteString("stock");
        buffer.WriteString("p-1");
        buffer.WriteString("Nowhere.Missing, Nowhere");
        buffer.WriteString("{}");

        var error = Assert.Throws<InvalidOperationException>(() => Codec.DecodeMessage(buffer.ToArray()));
        Assert.Contains("Nowhere.Missing", error.Message, StringComparison.Ordinal);
    }

    public sealed record StockChange(string ProductId, int OnHand);
}
