namespace OrleansShop.Silo.Hosting.Mail;

/// <summary>How the connection to the mail server is secured (<c>OrleansShop:Mail:Tls</c>).</summary>
public enum MailTlsMode
{
    /// <summary>STARTTLS, refusing a server that does not offer it (port 587, the default).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Implicit,

    /// <summary>STARTTLS when the server offers it, plain text otherwise.</summary>
    StartTlsWhenAvailable,

    /// <summary>Plain text: only for a relay on the same host or private network.</summary>
    None,
}
