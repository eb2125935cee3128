// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
using FluentValidation;

namespace Nop.Web.Framework.Validators;

public static class RuleBuilderOptionsExtension
{
    public static IRuleBuilderOptions<T, TProperty> WithMessageAwait<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, Task<string> errorMessage)
    {
        return rule.WithMessage(errorMessage.Result);
    }
}
