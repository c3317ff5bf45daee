using CustomerCenter.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.Accounts.Forms;

public sealed class EmailFormValidator : AbstractValidator<EmailForm>
{
    public EmailFormValidator(IStringLocalizer<Texts> texts)
    {
        RuleFor(f => f.Email).ValidEmail(texts);
    }
}
