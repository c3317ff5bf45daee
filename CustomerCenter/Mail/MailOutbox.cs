using System.Threading.Channels;

namespace CustomerCenter.Mail;

/// <summary>
/// Mail leaves the request path through this queue, so that the time a form takes to answer does not tell whether an
/// address is known (no enumeration through timing).
/// </summary>
public sealed class MailOutbox
{
    // Not SingleReader: that channel cannot Count, and the dispatcher counts the mails left unsent when it stops.
    private readonly Channel<OutgoingMail> channel = Channel.CreateUnbounded<OutgoingMail>();

    public void Enqueue(OutgoingMail mail)
    {
        if (!channel.Writer.TryWrite(mail))
        {
            throw new InvalidOperationException("The mail queue is closed.");
        }
    }

    internal ChannelReader<OutgoingMail> Reader => channel.Reader;
}
