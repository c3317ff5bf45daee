using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Support.MailIn;

/// <summary>
/// Fetches the support mailbox (<c>Imap:*</c>): every mail in <c>Imap:Folder</c> is taken in
/// (<see cref="SupportMailIntake"/>) and then moved to <c>Imap:ProcessedFolder</c>, the move only after the commit. A
/// crash between the two leaves the mail in the folder; fetched again, it is recognised by its stored Message-ID and
/// only moved. Several instances may fetch at once for the same reason. Waits with IDLE where the server offers it,
/// else polls every <c>Imap:PollInterval</c>; reconnects after <c>Imap:RetryDelay</c> when the server or the
/// database fails.
/// </summary>
public sealed class SupportMailbox(IServiceScopeFactory scopes, IOptions<ImapOptions> options, TimeProvider clock, ILogger<SupportMailbox> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "The support mailbox {Host} failed; connecting again in {Delay}", options.Value.Host, options.Value.RetryDelay);
                await Task.Delay(options.Value.RetryDelay, clock, stoppingToken).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }
    }

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var client = await ConnectAsync(settings, stoppingToken);
        var inbox = await client.GetFolderAsync(settings.Folder, stoppingToken);
        var processed = await ProcessedFolderAsync(client, settings, stoppingToken);
        await inbox.OpenAsync(FolderAccess.ReadWrite, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await TakeInAllAsync(inbox, processed, stoppingToken);
            if (client.Capabilities.HasFlag(ImapCapabilities.Idle))
            {
                using var done = new CancellationTokenSource(settings.IdleRestart, clock);
                void Arrived(object? sender, EventArgs e) => done.Cancel();
                inbox.CountChanged += Arrived;
                try
                {
                    await client.IdleAsync(done.Token, stoppingToken);
                }
                finally
                {
                    inbox.CountChanged -= Arrived;
                }
            }
            else
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
                await client.NoOpAsync(stoppingToken);
            }
        }

        await client.DisconnectAsync(quit: true, CancellationToken.None);
    }

    private async Task TakeInAllAsync(IMailFolder inbox, IMailFolder processed, CancellationToken stoppingToken)
    {
        foreach (var uid in await inbox.SearchAsync(SearchQuery.All, stoppingToken))
        {
            MailIntakeOutcome outcome;
            try
            {
                var message = await inbox.GetMessageAsync(uid, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                outcome = await scope.ServiceProvider.GetRequiredService<SupportMailIntake>().ReceiveAsync(message, stoppingToken);
            }
            catch (MessageNotFoundException)
            {
                // Moved away by another instance meanwhile.
                continue;
            }
            catch (Exception exception) when (exception is not OperationCanceledException && exception is not ImapProtocolException and not IOException)
            {
                // One mail that cannot be stored must not hold up the others; it stays and is tried again next pass.
                logger.LogError(exception, "Mail {Uid} in the support mailbox could not be taken in; it stays in {Folder}", uid, inbox.FullName);
                continue;
            }

            try
            {
                await inbox.MoveToAsync(uid, processed, stoppingToken);
            }
            catch (MessageNotFoundException)
            {
                // Another instance moved it first.
            }

            logger.LogDebug("Mail {Uid} moved to {Folder}: {Outcome}", uid, processed.FullName, outcome);
        }
    }

    private static async Task<ImapClient> ConnectAsync(ImapOptions settings, CancellationToken cancellationToken)
    {
        var client = new ImapClient();
        try
        {
            var security = settings.Security switch
            {
                ImapSecurity.StartTls => SecureSocketOptions.StartTls,
                ImapSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                ImapSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.Auto,
            };
            await client.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
            await client.AuthenticateAsync(settings.User!, settings.Password!, cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<IMailFolder> ProcessedFolderAsync(ImapClient client, ImapOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetFolderAsync(settings.ProcessedFolder, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(settings.ProcessedFolder, isMessageFolder: true, cancellationToken)
                ?? throw new InvalidOperationException($"The IMAP server did not create {settings.ProcessedFolder}.");
        }
    }
}
