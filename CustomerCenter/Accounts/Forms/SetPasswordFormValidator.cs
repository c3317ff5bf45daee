using CustomerCenter.Accounts.Passwords;
using CustomerCenter.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.Accounts.Forms;

public sealed class SetPasswordFormValidator : AbstractValidator<SetPasswordForm>
{
    public SetPasswordFormValidator(IStringLocalizer<Texts> texts, PasswordPolicy policy)
    {
        RuleFor(f => f.FirstName).ValidName(texts, "Validation_FirstNameRequired");
        RuleFor(f => f.LastName).ValidName(texts, "Validation_LastNameRequired");
        RuleFor(f => f.Password).NewPassword(policy, texts, f => new PasswordOwner(f.AccountEmail, f.FirstName, f.LastName));
        RuleFor(f => f.ConfirmPassword).Matches(f => f.Password, texts);
        RuleFor(f => f.AcceptTerms).Equal(true).WithMessage(_ => texts["Validation_ConsentRequired"]);
    }
}
