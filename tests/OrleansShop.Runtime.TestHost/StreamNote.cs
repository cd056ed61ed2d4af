namespace OrleansShop.Runtime.TestHost;

/// <summary>What the stream tests publish: a record, so that it crosses silos as JSON with its type.</summary>
public sealed record StreamNote(string Producer, int Number)
{
    public override string ToString() => Producer + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
