// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
using Nop.Core.Domain.Customers;

namespace Nop.Core;

public partial interface IWorkContext
{
    Task<Customer> GetCurrentCustomerAsync();
}
