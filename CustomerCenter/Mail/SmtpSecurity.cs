namespace CustomerCenter.Mail;

public enum SmtpSecurity
{
    Auto,
    StartTls,
    SslOnConnect,
    None,
}
