using CustomerCenter.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.Accounts.Forms;

public sealed class ProfileFormValidator : AbstractValidator<ProfileForm>
{
    public ProfileFormValidator(IStringLocalizer<Texts> texts)
    {
        RuleFor(f => f.FirstName).ValidName(texts, "Validation_FirstNameRequired");
        RuleFor(f => f.LastName).ValidName(texts, "Validation_LastNameRequired");
    }
}
