// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
namespace Nop.Core.Caching;

public partial interface ILocker
{
    Task<bool> PerformActionWithLockAsync(string resource, TimeSpan expirationTime, Func<Task> action);
}
