// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
namespace Nop.Services.ScheduleTasks;

public partial interface IScheduleTask
{
    Task ExecuteAsync();
}
