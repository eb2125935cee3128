// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
namespace Nop.Services.Events;

public partial interface IConsumer<T>
{
    Task HandleEventAsync(T eventMessage);
}
