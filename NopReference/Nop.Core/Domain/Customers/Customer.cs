// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
namespace Nop.Core.Domain.Customers;

public partial class Customer : BaseEntity;
