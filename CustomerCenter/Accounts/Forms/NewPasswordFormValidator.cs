using CustomerCenter.Accounts.Passwords;
using CustomerCenter.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.Accounts.Forms;

public sealed class NewPasswordFormValidator : AbstractValidator<NewPasswordForm>
{
    public NewPasswordFormValidator(IStringLocalizer<Texts> texts, PasswordPolicy policy)
    {
        RuleFor(f => f.Password).NewPassword(policy, texts, f => new PasswordOwner(f.AccountEmail, f.AccountFirstName, f.AccountLastName));
        RuleFor(f => f.ConfirmPassword).Matches(f => f.Password, texts);
    }
}
