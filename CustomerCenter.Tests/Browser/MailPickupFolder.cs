using System.Diagnostics;
using CustomerCenter.Tests.Infrastructure;
using MimeKit;

namespace CustomerCenter.Tests.Browser;

/// <summary>Reads the .eml files the portal's pickup-folder transport writes, as a person without SMTP would.</summary>
public sealed class MailPickupFolder(string directory)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public string Directory { get; } = directory;

    /// <summary>
    /// Waits (bounded) for the first message to <paramref name="to"/>, with that subject if one is given; mail leaves
    /// through a background queue.
    /// </summary>
    public async Task<CapturedMail> WaitForAsync(string to, string? subject = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            foreach (var message in ReadAll())
            {
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase))
                    && (subject is null || message.Subject == subject))
                {
                    return new CapturedMail(message);
                }
            }

            if (waited.Elapsed > Deadline)
            {
                var files = System.IO.Directory.Exists(Directory) ? System.IO.Directory.GetFiles(Directory) : [];
                throw new TimeoutException($"No mail to {to} in {Directory} after {Deadline.TotalSeconds} s; files there: {string.Join(", ", files.Select(Path.GetFileName))}");
            }

            await Task.Delay(PollInterval);
        }
    }

    private IEnumerable<MimeMessage> ReadAll()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            yield break;
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.eml"))
        {
            var message = TryLoad(path);
            if (message is not null)
            {
                yield return message;
            }
        }
    }

    /// <summary>Null while the transport is still writing the file (it holds it exclusively) or it is not yet whole.</summary>
    private static MimeMessage? TryLoad(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return MimeMessage.Load(stream);
        }
        catch (IOException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
