// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
using Nop.Core.Domain.Stores;

namespace Nop.Core;

public partial interface IStoreContext
{
    Task<Store> GetCurrentStoreAsync();

    Task<int> GetActiveStoreScopeConfigurationAsync();
}
