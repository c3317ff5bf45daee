using CustomerCenter.Accounts;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Legal;

/// <summary>
/// The terms of use are the operator's document. The built-in <c>/terms</c> page is a placeholder for development and
/// tests, so in Production start-up stops until <c>Consent:TermsUrl</c> names the operator's own.
/// </summary>
internal sealed class ConsentOptionsValidator(IHostEnvironment environment) : IValidateOptions<ConsentOptions>
{
    public const string BuiltInTermsPath = "/terms";

    public ValidateOptionsResult Validate(string? name, ConsentOptions options) =>
        environment.IsProduction() && (string.IsNullOrWhiteSpace(options.TermsUrl) || options.TermsUrl == BuiltInTermsPath)
            ? ValidateOptionsResult.Fail(
                $"{ConsentOptions.Section}:{nameof(ConsentOptions.TermsUrl)} must be set in Production to the address of the operator's terms of use; the built-in {BuiltInTermsPath} page is only a placeholder for development.")
            : ValidateOptionsResult.Success;
}
