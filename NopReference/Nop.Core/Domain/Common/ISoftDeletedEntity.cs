// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
namespace Nop.Core.Domain.Common;

public partial interface ISoftDeletedEntity
{
    bool Deleted { get; set; }
}
