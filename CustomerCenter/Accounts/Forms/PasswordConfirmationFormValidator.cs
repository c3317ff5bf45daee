using CustomerCenter.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.Accounts.Forms;

public sealed class PasswordConfirmationFormValidator : AbstractValidator<PasswordConfirmationForm>
{
    public PasswordConfirmationFormValidator(IStringLocalizer<Texts> texts)
    {
        RuleFor(f => f.Password).EnteredPassword(texts);
    }
}
