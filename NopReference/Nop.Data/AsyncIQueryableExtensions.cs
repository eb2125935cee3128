// Compile-time stand-in for nopCommerce 4.90 (Nop.Data); never shipped.
using System.Linq.Expressions;

namespace System.Linq;

public static class AsyncIQueryableExtensions
{
    //nopCommerce runs the query with linq2db's async API; the in-memory queryables of the tests are evaluated at once
    public static Task<bool> AnyAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate = null) =>
        Task.FromResult(predicate is null ? source.Any() : source.Any(predicate));

    public static Task<List<TSource>> ToListAsync<TSource>(this IQueryable<TSource> source) =>
        Task.FromResult(source.ToList());

    public static Task<TSource> FirstOrDefaultAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate = null) =>
        Task.FromResult(predicate is null ? source.FirstOrDefault() : source.FirstOrDefault(predicate));
}
