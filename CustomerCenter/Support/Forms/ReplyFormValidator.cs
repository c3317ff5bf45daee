using CustomerCenter.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.Support.Forms;

public sealed class ReplyFormValidator : AbstractValidator<ReplyForm>
{
    public ReplyFormValidator(IStringLocalizer<Texts> texts) => RuleFor(f => f.Message).SupportMessage(texts);
}
