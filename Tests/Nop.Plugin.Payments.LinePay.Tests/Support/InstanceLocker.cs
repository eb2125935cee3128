using System.Collections.Concurrent;
using Nop.Core.Caching;

namespace Nop.Plugin.Payments.LinePay.Tests.Support;

/// <summary>
/// The in-memory locker of one web server: it refuses a key held on this server only, as nopCommerce's
/// MemoryCacheLocker does
/// </summary>
public class InstanceLocker : ILocker
{
    private readonly ConcurrentDictionary<string, bool> _held = new();

    public async Task<bool> PerformActionWithLockAsync(string resource, TimeSpan expirationTime, Func<Task> action)
    {
        if (!_held.TryAdd(resource, true))
            return false;
        try
        {
            await action();
            return true;
        }
        finally
        {
            _held.TryRemove(resource, out _);
        }
    }
}
