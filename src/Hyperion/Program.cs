using Hyperion.Cli;

return await HyperionCommand.Build().Parse(args).InvokeAsync().ConfigureAwait(false);
