using CustomerCenter.Accounts.Forms;
using CustomerCenter.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Support.Forms;

public sealed class VisitorRequestFormValidator : AbstractValidator<VisitorRequestForm>
{
    public VisitorRequestFormValidator(IStringLocalizer<Texts> texts, IOptions<SupportOptions> options)
    {
        RuleFor(f => f.Email).ValidEmail(texts);
        // Optional, and may be made up (seed 003).
        RuleFor(f => f.Name)
            .Must(name => name is null || name.Trim().Length <= FormRules.MaxNameLength).WithMessage(_ => texts["Validation_NameTooLong", FormRules.MaxNameLength])
            .Must(name => name is null || !name.Any(char.IsControl)).WithMessage(_ => texts["Validation_NameInvalid"]);
        RuleFor(f => f.TopicKey).Must(key => options.Value.Topic(key) is not null).WithMessage(_ => texts["Validation_SupportTopicRequired"]);
        RuleFor(f => f.Message).SupportMessage(texts);
    }
}
