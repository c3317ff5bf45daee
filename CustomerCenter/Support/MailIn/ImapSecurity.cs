namespace CustomerCenter.Support.MailIn;

public enum ImapSecurity
{
    /// <summary>TLS at connect on port 993, else STARTTLS when the server offers it.</summary>
    Auto,
    StartTls,
    SslOnConnect,
    /// <summary>Plain text: only for a server on the same machine (loopback).</summary>
    None,
}
