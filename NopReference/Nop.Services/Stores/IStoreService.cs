// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
using Nop.Core.Domain.Stores;

namespace Nop.Services.Stores;

public partial interface IStoreService
{
    Task<IList<Store>> GetAllStoresAsync();
}
