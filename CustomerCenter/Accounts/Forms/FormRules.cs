using System.Net.Mail;
using CustomerCenter.Accounts.Passwords;
using CustomerCenter.Localization;
using CustomerCenter.Mail;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.Accounts.Forms;

/// <summary>The rules several forms share, each with its localized message.</summary>
internal static class FormRules
{
    public const int MaxEmailLength = 254;
    public const int MaxNameLength = 100;

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilderInitial<T, string> rule, IStringLocalizer<Texts> texts) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => texts["Validation_EmailRequired"])
            .MaximumLength(MaxEmailLength).WithMessage(_ => texts["Validation_EmailTooLong", MaxEmailLength])
            .Must(IsEmailAddress).WithMessage(_ => texts["Validation_EmailInvalid"])
            // The sender's own parser: what passes here can be sent to, so no mail is refused later inside the queue.
            .Must(MailAddresses.CanSendTo).WithMessage(_ => texts["Validation_EmailNotSendable"]);

    public static IRuleBuilderOptions<T, string> ValidName<T>(this IRuleBuilderInitial<T, string> rule, IStringLocalizer<Texts> texts, string requiredKey) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage(_ => texts[requiredKey])
            .MaximumLength(MaxNameLength).WithMessage(_ => texts["Validation_NameTooLong", MaxNameLength])
            .Must(value => !value.Any(char.IsControl)).WithMessage(_ => texts["Validation_NameInvalid"]);

    /// <summary>A new password: each of the policy's problems as its own message, in words the member understands.</summary>
    public static void NewPassword<T>(this IRuleBuilder<T, string> rule, PasswordPolicy policy, IStringLocalizer<Texts> texts, Func<T, PasswordOwner> owner) =>
        rule.Custom((password, context) =>
        {
            if (string.IsNullOrEmpty(password))
            {
                context.AddFailure(texts["Validation_PasswordRequired"]);
                return;
            }

            foreach (var problem in policy.Check(password, owner(context.InstanceToValidate)))
            {
                context.AddFailure(problem switch
                {
                    PasswordProblem.TooShort => texts["Validation_PasswordTooShort", policy.MinimumLength],
                    PasswordProblem.TooLong => texts["Validation_PasswordTooLong", policy.MaximumLength],
                    _ => texts[$"Validation_Password{problem}"],
                });
            }
        });

    public static IRuleBuilderOptions<T, string> Matches<T>(this IRuleBuilder<T, string> rule, Func<T, string> other, IStringLocalizer<Texts> texts) =>
        rule.Must((form, value) => string.Equals(value, other(form), StringComparison.Ordinal)).WithMessage(_ => texts["Validation_PasswordsDiffer"]);

    public static IRuleBuilderOptions<T, string> EnteredPassword<T>(this IRuleBuilderInitial<T, string> rule, IStringLocalizer<Texts> texts) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => texts["Validation_PasswordRequired"])
            .MaximumLength(PasswordRulesOptions.MaximumLength * 4).WithMessage(_ => texts["Validation_PasswordTooLong", PasswordRulesOptions.MaximumLength]);

    private static bool IsEmailAddress(string value) =>
        !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.EndsWith('.');
}
