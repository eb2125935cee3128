using System.Runtime.InteropServices;
using Nop.Plugin.Payments.LinePay.Benchmarks;

// dotnet run -c Release --project Tests/Nop.Plugin.Payments.LinePay.Benchmarks -- <all|micro|calls|load|task|emulator|list> [--quick]
var command = args.FirstOrDefault(arg => !arg.StartsWith("--")) ?? "all";
var quick = args.Contains("--quick");
var suite = new BenchmarkSuite(quick);

Console.WriteLine($"LINE Pay plugin benchmarks ({command}{(quick ? ", quick" : string.Empty)}) on {RuntimeInformation.FrameworkDescription}, " +
    $"{Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}");

return command switch
{
    "all" => await suite.RunAllAsync(),
    "load" => await suite.RunLoadAsync(),
    "task" => await suite.RunTaskAsync(),
    "emulator" => await suite.RunEmulatorAsync(),
    "calls" => await suite.RunCallsAsync(),
    "micro" => suite.RunMicro(),
    "list" => suite.List(),
    _ => Usage()
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project Tests/Nop.Plugin.Payments.LinePay.Benchmarks -- <all|micro|calls|load|task|emulator|list> [--quick]");
    return 2;
}
