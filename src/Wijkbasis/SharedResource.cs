namespace Wijkbasis;

/// <summary>Marker for the shared resource file. Keys are the Dutch texts themselves (Dutch is the
/// source language); Resources/SharedResource.en.resx holds the English (tools/english.py writes it).
/// It sits in the root namespace so the resource is found at Resources/SharedResource.*.resx.</summary>
public sealed class SharedResource;
