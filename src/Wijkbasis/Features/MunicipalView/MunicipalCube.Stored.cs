using System.IO.Compression;
using Wijkbasis.Features.Impact;

namespace Wijkbasis.Features.MunicipalView;

/// <summary>The cube as stored in <see cref="PublishedCube"/>: gzip over a plain binary layout. A hidden cell is written
/// as its state alone, so the figure behind a "•" never leaves the computation.</summary>
public sealed partial class MunicipalCube
{
    /// <summary>The layout written by <see cref="ToStored"/>; raise it when the layout changes.</summary>
    public const int StoredFormat = 1;

    /// <summary>Drops the figures behind hidden cells, so the cube held in memory is the one stored: nothing but its
    /// shown cells and the places of the hidden ones.</summary>
    public void ForgetHidden()
    {
        foreach (var cube in indicators.Values)
        {
            for (var i = 0; i < cube.States.Length; i++)
            {
                if (cube.States[i] != CellState.Shown)
                {
                    cube.Figures[i] = default;
                }
            }
        }
    }

    public byte[] ToStored()
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(zip))
        {
            w.Write(Year);
            w.Write(Units.Count);
            foreach (var unit in Units)
            {
                w.Write((byte)unit.Kind);
                w.Write(unit.Key);
                w.Write(unit.Name);
                w.Write(unit.WijkKey is not null);
                if (unit.WijkKey is { } wijk)
                {
                    w.Write(wijk);
                }
            }
            w.Write(indicators.Count);
            foreach (var (id, cube) in indicators)
            {
                w.Write(id);
                w.Write(cube.Parts.Length);
                foreach (var part in cube.Parts)
                {
                    w.Write(part);
                }
                w.Write(cube.Figures.Length);
                for (var i = 0; i < cube.Figures.Length; i++)
                {
                    var state = cube.States.Length == 0 ? CellState.Shown : cube.States[i];
                    w.Write((byte)state);
                    if (state != CellState.Shown)
                    {
                        continue;
                    }
                    var f = cube.Figures[i];
                    w.Write(f.Value);
                    w.Write(f.Of.HasValue);
                    if (f.Of is { } of)
                    {
                        w.Write(of);
                    }
                    w.Write(f.Base.HasValue);
                    if (f.Base is { } b)
                    {
                        w.Write(b);
                    }
                }
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Reads a stored cube; null when it was stored for another set of indicators or parts than the registry
    /// holds now (it must be computed again).</summary>
    public static MunicipalCube? FromStored(byte[] stored)
    {
        using var zip = new GZipStream(new MemoryStream(stored), CompressionMode.Decompress);
        using var r = new BinaryReader(zip);
        var year = r.ReadInt32();
        var units = new List<CubeUnit>(r.ReadInt32());
        for (var u = units.Capacity; u > 0; u--)
        {
            var kind = (UnitKind)r.ReadByte();
            var key = r.ReadString();
            var name = r.ReadString();
            units.Add(new CubeUnit(kind, key, name, r.ReadBoolean() ? r.ReadString() : null));
        }
        var count = r.ReadInt32();
        if (count != IndicatorRegistry.All.Count)
        {
            return null;
        }
        var cubes = new Dictionary<string, IndicatorCube>(StringComparer.Ordinal);
        for (var n = 0; n < count; n++)
        {
            var id = r.ReadString();
            var parts = new string[r.ReadInt32()];
            for (var p = 0; p < parts.Length; p++)
            {
                parts[p] = r.ReadString();
            }
            if (!IndicatorRegistry.ById.TryGetValue(id, out var indicator))
            {
                return null;
            }
            var cube = new IndicatorCube(indicator, units.Count);
            if (!cube.Parts.SequenceEqual(parts, StringComparer.Ordinal) || r.ReadInt32() != cube.Figures.Length)
            {
                return null;
            }
            var states = new CellState[cube.Figures.Length];
            for (var i = 0; i < states.Length; i++)
            {
                states[i] = (CellState)r.ReadByte();
                if (states[i] != CellState.Shown)
                {
                    continue;
                }
                var value = r.ReadDecimal();
                decimal? of = r.ReadBoolean() ? r.ReadDecimal() : null;
                long? @base = r.ReadBoolean() ? r.ReadInt64() : null;
                cube.Figures[i] = new Figure(value, of, @base);
            }
            cube.States = states;
            cubes[id] = cube;
        }
        return new MunicipalCube(year, units, cubes);
    }
}
