using Microsoft.Extensions.Options;

namespace CustomerCenter.Embedding;

internal sealed class EmbedOptionsValidator : IValidateOptions<EmbedOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbedOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.AllowedOrigins.Count; i++)
        {
            var value = options.AllowedOrigins[i];
            if (!AllowedOrigin.TryParse(value, out _, out var problem))
            {
                failures.Add($"{EmbedOptions.Section}:{nameof(EmbedOptions.AllowedOrigins)}:{i} (\"{value}\") {AllowedOrigin.Describe(problem.Value)}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
