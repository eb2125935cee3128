using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Nop.Plugin.Payments.LinePay.Benchmarks.Calls;
using Nop.Plugin.Payments.LinePay.Benchmarks.Emulator;
using Nop.Plugin.Payments.LinePay.Benchmarks.Load;
using Nop.Plugin.Payments.LinePay.Benchmarks.Micro;

namespace Nop.Plugin.Payments.LinePay.Benchmarks;

/// <summary>
/// Every benchmark of the plugin, full or quick. The load runs go first so that the peak working set they print is
/// theirs, not the emulator run's or BenchmarkDotNet's.
/// </summary>
public class BenchmarkSuite(bool quick)
{
    private static readonly Type[] _microBenchmarks =
        [typeof(SignatureBenchmarks), typeof(RequestBodyBenchmarks), typeof(PaymentDetailsParsingBenchmarks), typeof(ClientCallBenchmarks)];

    public async Task<int> RunAllAsync()
    {
        var status = await RunLoadAsync();
        await RunTaskAsync();
        status = Math.Max(status, await RunEmulatorAsync());
        await RunCallsAsync();
        RunMicro();
        return status;
    }

    /// <returns>1 when the concurrent returns confirmed more than once or marked the order paid more than once</returns>
    public async Task<int> RunLoadAsync()
    {
        var correct = await ConcurrentReturnRun.RunAsync(arrivals: 200);
        await OrderThroughputRun.RunAsync(orders: quick ? 200 : 1000, concurrency: 32, warmUpOrders: quick ? 100 : 500);
        return correct ? 0 : 1;
    }

    public async Task<int> RunTaskAsync()
    {
        await TaskOverHistoryRun.RunAsync(quick ? [1_000, 10_000] : [1_000, 10_000, 100_000], openOrders: 50);
        return 0;
    }

    /// <returns>1 when the emulator answered a call with something else than the payment expected</returns>
    public async Task<int> RunEmulatorAsync() =>
        await EmulatorMemoryRun.RunAsync(calls: quick ? 100_000 : 1_000_000, concurrency: 32) ? 0 : 1;

    public async Task<int> RunCallsAsync()
    {
        await CallOverheadRun.RunAsync(rounds: quick ? 500 : 3000, quick
            ? new CallOverheadRun.WarmUp(MinimumRounds: 500, MaximumRounds: 25000, SettledCompilations: 5, TimeSpan.FromSeconds(2))
            : new CallOverheadRun.WarmUp(MinimumRounds: 1000, MaximumRounds: 25000, SettledCompilations: 5, TimeSpan.FromSeconds(3)));
        return 0;
    }

    /// <summary>BenchmarkDotNet in this process (the installed runtime): mean, median and allocated bytes</summary>
    public int RunMicro()
    {
        var job = (quick ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median)
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        BenchmarkRunner.Run(_microBenchmarks, config);
        return 0;
    }

    public int List()
    {
        Console.WriteLine("load:  200 concurrent arrivals at one order's confirm return; 1,000 orders confirmed 32 at a time after 500 untimed");
        Console.WriteLine($"task: one reconciliation task run over {(quick ? "1,000 and 10,000" : "1,000, 10,000 and 100,000")} finished orders plus 50 open ones");
        Console.WriteLine($"emulator: {(quick ? "100,000" : "1,000,000")} signed API calls (Request, Check, Confirm, Payment Details; a Refund " +
            "in five payments) 32 payments at a time; heap, working set, journal and transactions at 0, 10, 25, 50 and 100 %");
        Console.WriteLine("calls: Request and Confirm through LinePayClient beside the floor and the signed floor, emulator on loopback");
        foreach (var type in _microBenchmarks)
            Console.WriteLine($"micro: {type.Name}");
        return 0;
    }
}
