using CustomerCenter.Accounts.Forms;
using CustomerCenter.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.Staff.Members;

/// <summary>The same rules as the member's own profile and e-mail forms.</summary>
public sealed class MemberEditValidator : AbstractValidator<MemberEdit>
{
    public MemberEditValidator(IStringLocalizer<Texts> texts)
    {
        RuleFor(f => f.FirstName).ValidName(texts, "Validation_FirstNameRequired");
        RuleFor(f => f.LastName).ValidName(texts, "Validation_LastNameRequired");
        RuleFor(f => f.Email).ValidEmail(texts);
    }
}
