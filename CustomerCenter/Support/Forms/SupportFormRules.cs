using CustomerCenter.Localization;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerCenter.Support.Forms;

internal static class SupportFormRules
{
    public static IRuleBuilderOptions<T, string> SupportSubject<T>(this IRuleBuilderInitial<T, string> rule, IStringLocalizer<Texts> texts) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage(_ => texts["Validation_SupportSubjectRequired"])
            .Must(value => value.Trim().Length <= SupportLimits.SubjectLength).WithMessage(_ => texts["Validation_SupportSubjectTooLong", SupportLimits.SubjectLength])
            .Must(value => !value.Any(char.IsControl)).WithMessage(_ => texts["Validation_SupportSubjectInvalid"]);

    public static IRuleBuilderOptions<T, string> SupportMessage<T>(this IRuleBuilderInitial<T, string> rule, IStringLocalizer<Texts> texts) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(value => !string.IsNullOrWhiteSpace(value)).WithMessage(_ => texts["Validation_SupportMessageRequired"])
            .Must(value => value.Trim().Length <= SupportLimits.BodyLength).WithMessage(_ => texts["Validation_SupportMessageTooLong", SupportLimits.BodyLength]);
}
