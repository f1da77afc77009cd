using Wijkbasis.Bench;

// One executable, several modes; bench/run calls them in turn (see bench/README.md).
if (args.Length == 0)
{
    return Cli.Usage();
}
try
{
    var options = Options.Parse(args.AsSpan(1));
    return args[0] switch
    {
        "baseline" => await BaselineServer.RunAsync(options),
        "samework" => await SameWorkServer.RunAsync(options),
        "relogin" => await Prepare.ReloginAsync(options),
        "prepare" => await Prepare.RunAsync(options),
        "probe" => await Probe.RunAsync(options),
        "count" => await RowCount.RunAsync(options),
        "report" => await Report.RunAsync(options),
        _ => Cli.Usage(),
    };
}
catch (BenchException e)
{
    await Console.Error.WriteLineAsync($"bench: {e.Message}");
    return 1;
}
