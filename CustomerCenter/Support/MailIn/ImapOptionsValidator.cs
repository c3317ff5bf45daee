using Microsoft.Extensions.Options;

namespace CustomerCenter.Support.MailIn;

/// <summary>Bad mailbox settings stop the start with a message naming the key, not a reader that fails every minute.</summary>
internal sealed class ImapOptionsValidator : IValidateOptions<ImapOptions>
{
    public ValidateOptionsResult Validate(string? name, ImapOptions options)
    {
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{ImapOptions.Section}:{nameof(ImapOptions.Port)} must be between 1 and 65535.");
        }

        if (!Enum.IsDefined(options.Security))
        {
            failures.Add($"{ImapOptions.Section}:{nameof(ImapOptions.Security)} must be Auto, StartTls, SslOnConnect or None.");
        }

        if (string.IsNullOrWhiteSpace(options.User))
        {
            failures.Add($"{ImapOptions.Section}:{nameof(ImapOptions.User)} is required when {ImapOptions.Section}:{nameof(ImapOptions.Host)} is set.");
        }

        if (string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{ImapOptions.Section}:{nameof(ImapOptions.Password)} is required when {ImapOptions.Section}:{nameof(ImapOptions.Host)} is set.");
        }

        if (string.IsNullOrWhiteSpace(options.Folder))
        {
            failures.Add($"{ImapOptions.Section}:{nameof(ImapOptions.Folder)} must name the folder new mail arrives in (usually INBOX).");
        }

        if (string.IsNullOrWhiteSpace(options.ProcessedFolder)
            || string.Equals(options.ProcessedFolder.Trim(), options.Folder?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{ImapOptions.Section}:{nameof(ImapOptions.ProcessedFolder)} must name a folder other than {ImapOptions.Section}:{nameof(ImapOptions.Folder)}.");
        }

        foreach (var (key, value, min) in new[]
        {
            (nameof(ImapOptions.PollInterval), options.PollInterval, TimeSpan.FromSeconds(1)),
            (nameof(ImapOptions.IdleRestart), options.IdleRestart, TimeSpan.FromSeconds(1)),
            (nameof(ImapOptions.RetryDelay), options.RetryDelay, TimeSpan.FromMilliseconds(100)),
        })
        {
            if (value < min || value > TimeSpan.FromMinutes(29))
            {
                failures.Add($"{ImapOptions.Section}:{key} must be between {min} and 00:29:00.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
