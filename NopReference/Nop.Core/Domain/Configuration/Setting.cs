// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
namespace Nop.Core.Domain.Configuration;

public partial class Setting : BaseEntity
{
    public Setting()
    {
    }

    public Setting(string name, string value, int storeId = 0)
    {
        Name = name;
        Value = value;
        StoreId = storeId;
    }

    public string Name { get; set; }

    public string Value { get; set; }

    public int StoreId { get; set; }
}
