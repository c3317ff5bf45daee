using System.Text.RegularExpressions;
using CustomerCenter.Localization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerCenter.Support;

/// <summary>Stops start-up on a topic list the desk cannot work with, naming the key that is wrong.</summary>
internal sealed partial class SupportOptionsValidator : IValidateOptions<SupportOptions>
{
    public ValidateOptionsResult Validate(string? name, SupportOptions options)
    {
        var failures = new List<string>();
        if (options.Topics.Count == 0)
        {
            failures.Add($"{SupportOptions.Section}:Topics needs at least one topic.");
        }

        for (var i = 0; i < options.Topics.Count; i++)
        {
            var topic = options.Topics[i];
            var prefix = $"{SupportOptions.Section}:Topics:{i}";
            if (!KeyPattern().IsMatch(topic.Key))
            {
                failures.Add($"{prefix}:Key must be 1-40 lower-case letters, digits or hyphens.");
            }
            else if (options.Topics.Take(i).Any(t => t.Key == topic.Key))
            {
                failures.Add($"{prefix}:Key \"{topic.Key}\" is used twice.");
            }

            foreach (var language in PortalLanguages.All.Where(l => string.IsNullOrWhiteSpace(topic.Names.GetValueOrDefault(l))))
            {
                failures.Add($"{prefix}:Names:{language} is missing.");
            }

            if (!MailboxAddress.TryParse(topic.Address, out _))
            {
                failures.Add($"{prefix}:Address is not a mail address.");
            }

            for (var t = 0; t < topic.Templates.Count; t++)
            {
                var template = topic.Templates[t];
                if (!PortalLanguages.IsSupported(template.Language) || string.IsNullOrWhiteSpace(template.Title) || string.IsNullOrWhiteSpace(template.Body))
                {
                    failures.Add($"{prefix}:Templates:{t} needs a Language (de, en or ja), a Title and a Body.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex KeyPattern();
}
