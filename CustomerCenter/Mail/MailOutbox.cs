using System.Threading.Channels;

namespace CustomerCenter.Mail;

/// <summary>
/// Mail leaves the request path through this queue, so that the time a form takes to answer does not tell whether an
/// address is known (no enumeration through timing).
/// </summary>
public sealed class MailOutbox
{
    private readonly Channel<OutgoingMail> channel = Channel.CreateUnbounded<OutgoingMail>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(OutgoingMail mail)
    {
        if (!channel.Writer.TryWrite(mail))
        {
            throw new InvalidOperationException("The mail queue is closed.");
        }
    }

    internal ChannelReader<OutgoingMail> Reader => channel.Reader;
}
