using System.Buffers.Binary;
using System.Text;

namespace OrleansShop.Runtime.Clustering.Transport;

/// <summary>Reads the length-prefixed fields <see cref="FrameBuffer"/> wrote, checking every length against the body.</summary>
internal ref struct FrameReader(ReadOnlySpan<byte> body)
{
    private readonly ReadOnlySpan<byte> _body = body;
    private int _position;

    public int ReadInt32()
    {
        if (_body.Length - _position < 4)
        {
            throw new InvalidDataException("A silo message ended early.");
        }

        var value = BinaryPrimitives.ReadInt32BigEndian(_body[_position..]);
        _position += 4;
        return value;
    }

    public long ReadInt64()
    {
        if (_body.Length - _position < 8)
        {
            throw new InvalidDataException("A silo message ended early.");
        }

        var value = BinaryPrimitives.ReadInt64BigEndian(_body[_position..]);
        _position += 8;
        return value;
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadInt32();
        if (length < 0 || length > _body.Length - _position)
        {
            throw new InvalidDataException("A silo message has a field longer than itself.");
        }

        var bytes = _body.Slice(_position, length);
        _position += length;
        return bytes;
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBytes());
}
