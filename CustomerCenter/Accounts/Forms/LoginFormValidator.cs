using CustomerCenter.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.Accounts.Forms;

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator(IStringLocalizer<Texts> texts)
    {
        RuleFor(f => f.Email).ValidEmail(texts);
        RuleFor(f => f.Password).EnteredPassword(texts);
    }
}
