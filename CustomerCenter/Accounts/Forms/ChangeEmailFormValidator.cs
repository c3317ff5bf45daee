using CustomerCenter.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.Accounts.Forms;

public sealed class ChangeEmailFormValidator : AbstractValidator<ChangeEmailForm>
{
    public ChangeEmailFormValidator(IStringLocalizer<Texts> texts)
    {
        RuleFor(f => f.NewEmail).ValidEmail(texts);
    }
}
