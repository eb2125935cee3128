// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
using FluentValidation;
using Nop.Core;
using Nop.Data.Mapping;

namespace Nop.Web.Framework.Validators;

public abstract partial class BaseNopValidator<TModel> : AbstractValidator<TModel> where TModel : class
{
    protected virtual void SetDatabaseValidationRules<TEntity>(params string[] filterStringPropertyNames)
        where TEntity : BaseEntity =>
        throw new NotSupportedException();

    protected virtual void SetStringPropertiesMaxLength(NopEntityDescriptor entityDescriptor, params string[] filterPropertyNames) =>
        throw new NotSupportedException();

    protected virtual void SetDecimalMaxValue(NopEntityDescriptor entityDescriptor) =>
        throw new NotSupportedException();
}
