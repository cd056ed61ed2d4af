namespace OrleansShop.Silo.Hosting.Backups;

/// <summary>A backup or restore that could not be done, with a message written for the operator who ran it.</summary>
public sealed class BackupException : Exception
{
    public BackupException(string message)
        : base(message)
    {
    }

    public BackupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BackupException()
    {
    }
}
