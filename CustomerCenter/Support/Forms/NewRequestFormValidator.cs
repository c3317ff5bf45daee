using CustomerCenter.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerCenter.Support.Forms;

public sealed class NewRequestFormValidator : AbstractValidator<NewRequestForm>
{
    public NewRequestFormValidator(IStringLocalizer<Texts> texts, IOptions<SupportOptions> options)
    {
        RuleFor(f => f.TopicKey).Must(key => options.Value.Topic(key) is not null).WithMessage(_ => texts["Validation_SupportTopicRequired"]);
        RuleFor(f => f.Subject).SupportSubject(texts);
        RuleFor(f => f.Message).SupportMessage(texts);
    }
}
