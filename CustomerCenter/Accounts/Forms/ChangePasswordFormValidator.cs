using CustomerCenter.Accounts.Passwords;
using CustomerCenter.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.Accounts.Forms;

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator(IStringLocalizer<Texts> texts, PasswordPolicy policy)
    {
        RuleFor(f => f.CurrentPassword).EnteredPassword(texts);
        RuleFor(f => f.NewPassword).NewPassword(policy, texts, f => new PasswordOwner(f.AccountEmail, f.AccountFirstName, f.AccountLastName));
        RuleFor(f => f.ConfirmNewPassword).Matches(f => f.NewPassword, texts);
    }
}
