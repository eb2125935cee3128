// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
using Nop.Core.Domain.Catalog;

namespace Nop.Services.Catalog;

public partial interface IProductService
{
    Task<Product> GetProductByIdAsync(int productId);
}
