using System.CommandLine;
using Hyperion.Cli;

// Ctrl+C and SIGTERM cancel the command's token; a command then has this long to clean up (abort a plan and run its
// clean-up, drain the callbacks) before the process exits anyway with 130 or 143.
var configuration = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
return await HyperionCommand.Build().Parse(args).InvokeAsync(configuration).ConfigureAwait(false);
