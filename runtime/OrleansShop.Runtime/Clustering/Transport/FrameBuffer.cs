using System.Buffers;
using System.Buffers.Binary;

namespace OrleansShop.Runtime.Clustering.Transport;

/// <summary>A growable byte buffer that can go back and fill in a length it reserved (frames are length-prefixed).</summary>
internal sealed class FrameBuffer : IBufferWriter<byte>
{
    private byte[] _buffer = new byte[256];

    public int Length { get; private set; }

    public void Advance(int count) => Length += count;

    public void Clear() => Length = 0;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(Length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(Length);
    }

    public int ReserveInt32()
    {
        Ensure(4);
        var at = Length;
        Length += 4;
        return at;
    }

    public void PatchInt32(int at, int value) => BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(at), value);

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(GetSpan(4), value);
        Length += 4;
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(GetSpan(8), value);
        Length += 8;
    }

    public void WriteString(string value)
    {
        var at = ReserveInt32();
        var count = System.Text.Encoding.UTF8.GetBytes(value, GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(value.Length)));
        Length += count;
        PatchInt32(at, count);
    }

    public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();

    private void Ensure(int sizeHint)
    {
        var needed = Length + Math.Max(sizeHint, 16);
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
        }
    }
}
