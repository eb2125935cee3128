// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
using Nop.Core.Domain.Orders;

namespace Nop.Services.Orders;

public partial interface IShoppingCartService
{
    Task<bool> ShoppingCartIsRecurringAsync(IList<ShoppingCartItem> shoppingCart);
}
