using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CustomerCenter.Components.Forms;

/// <summary>Runs the FluentValidation validator registered for the form's model when the form validates.</summary>
public sealed class FluentValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? messages;
    private EditContext? subscribed;

    [CascadingParameter]
    private EditContext EditContext { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(subscribed, EditContext))
        {
            return;
        }

        Dispose();
        subscribed = EditContext;
        messages = new ValidationMessageStore(EditContext);
        EditContext.OnValidationRequested += Validate;
    }

    public void Dispose()
    {
        if (subscribed is not null)
        {
            subscribed.OnValidationRequested -= Validate;
        }
    }

    private void Validate(object? sender, ValidationRequestedEventArgs e)
    {
        var model = EditContext.Model;
        var validatorType = typeof(IValidator<>).MakeGenericType(model.GetType());
        var validator = (IValidator)Services.GetRequiredService(validatorType);
        var result = validator.Validate(new ValidationContext<object>(model));

        messages!.Clear();
        foreach (var failure in result.Errors)
        {
            messages.Add(EditContext.Field(failure.PropertyName), failure.ErrorMessage);
        }

        EditContext.NotifyValidationStateChanged();
    }
}
