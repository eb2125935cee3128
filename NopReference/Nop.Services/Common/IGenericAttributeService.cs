// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
using Nop.Core;

namespace Nop.Services.Common;

public partial interface IGenericAttributeService
{
    Task SaveAttributeAsync<TPropType>(BaseEntity entity, string key, TPropType value, int storeId = 0);

    Task<TPropType> GetAttributeAsync<TPropType>(BaseEntity entity, string key, int storeId = 0, TPropType defaultValue = default);
}
