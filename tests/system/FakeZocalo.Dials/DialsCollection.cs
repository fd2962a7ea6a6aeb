namespace Hyperion.FakeZocalo.Dials.Tests;

/// <summary>DIALS runs take every core they can; one test class at a time keeps them to the time limits.</summary>
[CollectionDefinition("dials", DisableParallelization = true)]
public sealed class DialsCollection;
