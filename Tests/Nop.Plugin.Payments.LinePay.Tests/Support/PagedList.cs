using Nop.Core;

namespace Nop.Plugin.Payments.LinePay.Tests.Support;

/// <summary>
/// One page holding every item, as nopCommerce's PagedList with the default page size
/// </summary>
public class PagedList<T>(IList<T> items) : List<T>(items), IPagedList<T>
{
    public int PageIndex => 0;

    public int PageSize => int.MaxValue;

    public int TotalCount => Count;

    public int TotalPages => 1;

    public bool HasPreviousPage => false;

    public bool HasNextPage => false;
}
