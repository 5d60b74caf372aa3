using System.Buffers.Binary;

namespace Madrasah.Blazor.Infrastructure.Pdf;

/// <summary>
/// Makes a smaller TrueType font holding only the glyphs of the characters in <see cref="Covers"/> (Latin with its
/// extensions and the usual punctuation), outlines, metrics and hinting unchanged. Why: PDFsharp embeds a subset of
/// the font in every PDF, but its subset keeps the source font's whole <c>loca</c> and <c>hmtx</c> tables (one entry
/// per glyph: 6,000 glyphs for DejaVu Sans) and compresses them again for every document; with about 1,200 glyphs
/// that work and the PDF are several times smaller. Text with a character outside <see cref="Covers"/> is drawn with
/// the full font (see <see cref="MadrasahFontResolver.CommonFamilyName"/>), so nothing is ever lost.
/// </summary>
internal static class TrueTypeReduction
{
    /// <summary>The characters kept (UTF-16 code units of the Basic Multilingual Plane; surrogates never).</summary>
    private static readonly (char First, char Last)[] Ranges =
    [
        ('\u0000', '\u024F'), // ASCII, Latin-1, Latin Extended-A and -B
        ('\u02B0', '\u036F'), // spacing modifier letters (ʼ ʻ ʾ ʿ) and combining diacritical marks
        ('\u1E00', '\u1EFF'), // Latin Extended Additional (ḥ ṣ ṭ ẓ ḍ of transliterated Arabic names)
        ('\u2000', '\u206F'), // general punctuation (– — ‘ ’ “ ” • …)
        ('\u20A0', '\u20CF'), // currency symbols
        ('\u2100', '\u214F'), // letterlike symbols (№ ™)
        ('\uFFFD', '\uFFFD'), // replacement character
    ];

    private static readonly bool[] Kept = BuildKept();

    private static bool[] BuildKept()
    {
        var kept = new bool[char.MaxValue + 1];
        foreach (var (first, last) in Ranges)
            for (int c = first; c <= last; c++) kept[c] = true;
        return kept;
    }

    /// <summary>True when every character of <paramref name="text"/> is one the reduced font keeps.</summary>
    public static bool Covers(string text)
    {
        foreach (var c in text)
            if (!Kept[c]) return false;
        return true;
    }

    /// <summary>
    /// The reduced font, or null when <paramref name="font"/> is not a TrueType font this can read (then the full font
    /// is used).
    /// </summary>
    public static byte[]? Reduce(byte[] font)
    {
        try { return ReduceCore(font); }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or InvalidDataException or KeyNotFoundException) { return null; }
    }

    private static byte[]? ReduceCore(byte[] font)
    {
        var tables = ReadTableDirectory(font);
        if (!tables.ContainsKey("glyf") || !tables.ContainsKey("loca") || !tables.ContainsKey("cmap")) return null;
        var head = Table(font, tables, "head");
        var hhea = Table(font, tables, "hhea");
        var maxp = Table(font, tables, "maxp");
        var hmtx = Table(font, tables, "hmtx");
        var loca = Table(font, tables, "loca").ToArray();
        var glyf = Table(font, tables, "glyf").ToArray();
        var numGlyphs = U16(maxp, 4);
        var longLoca = I16(head, 50) == 1;
        var numberOfHMetrics = U16(hhea, 34);

        int GlyphStart(int g) => longLoca ? (int)U32(loca, g * 4) : U16(loca, g * 2) * 2;
        ReadOnlySpan<byte> Glyph(int g) => glyf.AsSpan(GlyphStart(g), GlyphStart(g + 1) - GlyphStart(g));

        // Which source glyphs: .notdef, then those of the kept characters in code order, then composite components.
        var unicodeToGlyph = ReadCmap(font, tables["cmap"]);
        var newIndex = new Dictionary<int, int> { [0] = 0 };
        var order = new List<int> { 0 };
        int Keep(int g)
        {
            if (g >= numGlyphs) g = 0;
            if (newIndex.TryGetValue(g, out var n)) return n;
            newIndex[g] = n = order.Count;
            order.Add(g);
            return n;
        }
        var newCmap = new SortedDictionary<int, int>();
        foreach (var (first, last) in Ranges)
            for (int c = first; c <= last; c++)
                if (unicodeToGlyph.TryGetValue(c, out var g) && g != 0) newCmap[c] = Keep(g);
        for (var i = 0; i < order.Count; i++)
            foreach (var component in Components(Glyph(order[i]))) Keep(component);

        // glyf and loca (long offsets), composite components renumbered.
        var newGlyf = new MemoryStream();
        var newLoca = new byte[(order.Count + 1) * 4];
        for (var i = 0; i < order.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(i * 4), (uint)newGlyf.Length);
            var data = Glyph(order[i]).ToArray();
            if (data.Length >= 10 && I16(data, 0) < 0) Renumber(data, newIndex);
            newGlyf.Write(data);
            while (newGlyf.Length % 4 != 0) newGlyf.WriteByte(0);
        }
        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(order.Count * 4), (uint)newGlyf.Length);

        // hmtx: a full metric for every glyph.
        var newHmtx = new byte[order.Count * 4];
        for (var i = 0; i < order.Count; i++)
        {
            var g = order[i];
            var advance = U16(hmtx, Math.Min(g, numberOfHMetrics - 1) * 4);
            var lsb = g < numberOfHMetrics ? I16(hmtx, g * 4 + 2) : I16(hmtx, numberOfHMetrics * 4 + (g - numberOfHMetrics) * 2);
            BinaryPrimitives.WriteUInt16BigEndian(newHmtx.AsSpan(i * 4), advance);
            BinaryPrimitives.WriteInt16BigEndian(newHmtx.AsSpan(i * 4 + 2), lsb);
        }

        var newHead = head.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0); // checkSumAdjustment, set below
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), 1); // indexToLocFormat: long
        var newHhea = hhea.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(newHhea.AsSpan(34), (ushort)order.Count);
        var newMaxp = maxp.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(newMaxp.AsSpan(4), (ushort)order.Count);

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["cmap"] = BuildCmap(newCmap),
            ["glyf"] = newGlyf.ToArray(),
            ["head"] = newHead,
            ["hhea"] = newHhea,
            ["hmtx"] = newHmtx,
            ["loca"] = newLoca,
            ["maxp"] = newMaxp,
        };
        if (tables.ContainsKey("post"))
        {
            var post = Table(font, tables, "post")[..32].ToArray();
            BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000); // version 3: no glyph names
            output["post"] = post;
        }
        if (tables.ContainsKey("name")) output["name"] = RenameTable(Table(font, tables, "name"));
        // Tables that do not depend on glyph numbers are copied as they are (hinting, OS/2 metrics).
        foreach (var tag in new[] { "cvt ", "fpgm", "prep", "gasp", "OS/2" })
            if (tables.ContainsKey(tag)) output[tag] = Table(font, tables, tag).ToArray();
        return Write(output);
    }

    /// <summary>
    /// The Windows names of the font with " Latin" after the family in the family, unique, full and PostScript names
    /// ("DejaVu Sans Latin Bold", "DejaVuSansLatin-Bold"): PDFsharp keeps one face per name, so the reduced face needs a
    /// name of its own beside the full one.
    /// </summary>
    private static byte[] RenameTable(ReadOnlySpan<byte> name)
    {
        var count = U16(name, 2);
        var stringsAt = U16(name, 4);
        var unicode = System.Text.Encoding.BigEndianUnicode;
        var records = new List<(int Encoding, int Language, int Id, string Value)>();
        for (var i = 0; i < count; i++)
        {
            var at = 6 + i * 12;
            if (U16(name, at) != 3 || U16(name, at + 2) != 1) continue; // Windows Unicode names only
            records.Add((1, U16(name, at + 4), U16(name, at + 6), unicode.GetString(name.Slice(stringsAt + U16(name, at + 10), U16(name, at + 8)))));
        }
        var family = records.FirstOrDefault(r => r.Id == 1).Value ?? "";
        var postScriptFamily = family.Replace(" ", "");
        string Rename(int id, string value) => id switch
        {
            1 => family + " Latin",
            3 or 4 when family.Length > 0 && value.StartsWith(family, StringComparison.Ordinal) => family + " Latin" + value[family.Length..],
            3 or 4 => value + " Latin",
            6 when postScriptFamily.Length > 0 && value.StartsWith(postScriptFamily, StringComparison.Ordinal) => postScriptFamily + "Latin" + value[postScriptFamily.Length..],
            6 => value + "Latin",
            _ => value,
        };
        var encoded = records.Select(r => (r.Encoding, r.Language, r.Id, Value: unicode.GetBytes(Rename(r.Id, r.Value)))).ToList();
        var header = 6 + encoded.Count * 12;
        var bytes = new byte[header + encoded.Sum(r => r.Value.Length)];
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)encoded.Count);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(4), (ushort)header);
        var offset = 0;
        for (var i = 0; i < encoded.Count; i++)
        {
            var (encoding, language, id, value) = encoded[i];
            var at = 6 + i * 12;
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at), 3);
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at + 2), (ushort)encoding);
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at + 4), (ushort)language);
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at + 6), (ushort)id);
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at + 8), (ushort)value.Length);
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at + 10), (ushort)offset);
            value.CopyTo(bytes, header + offset);
            offset += value.Length;
        }
        return bytes;
    }

    /// <summary>The glyphs a composite glyph is made of (none for a simple glyph).</summary>
    private static List<int> Components(ReadOnlySpan<byte> glyph)
    {
        var components = new List<int>();
        if (glyph.Length < 10 || I16(glyph, 0) >= 0) return components;
        var offset = 10;
        while (true)
        {
            var flags = U16(glyph, offset);
            components.Add(U16(glyph, offset + 2));
            offset += ComponentLength(flags);
            if ((flags & 0x20) == 0) return components; // MORE_COMPONENTS
        }
    }

    private static void Renumber(byte[] glyph, Dictionary<int, int> newIndex)
    {
        var offset = 10;
        while (true)
        {
            var flags = U16(glyph, offset);
            BinaryPrimitives.WriteUInt16BigEndian(glyph.AsSpan(offset + 2), (ushort)newIndex[U16(glyph, offset + 2)]);
            offset += ComponentLength(flags);
            if ((flags & 0x20) == 0) return;
        }
    }

    /// <summary>The bytes of one component record: flags, glyph index, arguments (words or bytes) and its transform.</summary>
    private static int ComponentLength(ushort flags) =>
        4 + ((flags & 0x1) != 0 ? 4 : 2) + ((flags & 0x8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0);

    /// <summary>Unicode → glyph from the Windows Unicode subtables (format 4, and format 12 when present).</summary>
    private static Dictionary<int, int> ReadCmap(byte[] font, (int Offset, int Length) cmap)
    {
        var table = font.AsSpan(cmap.Offset, cmap.Length);
        var map = new Dictionary<int, int>();
        var count = U16(table, 2);
        for (var i = 0; i < count; i++)
        {
            var platform = U16(table, 4 + i * 8);
            var encoding = U16(table, 6 + i * 8);
            var offset = (int)U32(table, 8 + i * 8);
            if (platform != 3 || encoding is not (1 or 10)) continue;
            var sub = table[offset..];
            var format = U16(sub, 0);
            if (format == 4)
            {
                var segCount = U16(sub, 6) / 2;
                for (var s = 0; s < segCount; s++)
                {
                    int end = U16(sub, 14 + s * 2), start = U16(sub, 16 + segCount * 2 + s * 2);
                    var delta = I16(sub, 16 + segCount * 4 + s * 2);
                    var rangeOffsetAt = 16 + segCount * 6 + s * 2;
                    var rangeOffset = U16(sub, rangeOffsetAt);
                    for (var c = start; c <= end && c != 0xFFFF; c++)
                    {
                        int g;
                        if (rangeOffset == 0) g = (c + delta) & 0xFFFF;
                        else
                        {
                            g = U16(sub, rangeOffsetAt + rangeOffset + (c - start) * 2);
                            if (g != 0) g = (g + delta) & 0xFFFF;
                        }
                        map.TryAdd(c, g);
                    }
                }
            }
            else if (format == 12)
            {
                var groups = U32(sub, 12);
                for (var k = 0; k < groups; k++)
                {
                    var (start, end, glyph) = (U32(sub, 16 + k * 12), U32(sub, 20 + k * 12), U32(sub, 24 + k * 12));
                    for (var c = start; c <= end && c <= char.MaxValue; c++) map.TryAdd((int)c, (int)(glyph + c - start));
                }
            }
        }
        return map;
    }

    /// <summary>A cmap with one Windows Unicode BMP subtable (format 4): one segment per run of consecutive codes and glyphs.</summary>
    private static byte[] BuildCmap(SortedDictionary<int, int> map)
    {
        var segments = new List<(int Start, int End, int Glyph)>();
        foreach (var (c, g) in map)
        {
            if (segments.Count > 0 && segments[^1].End == c - 1 && segments[^1].Glyph + (c - segments[^1].Start) == g)
                segments[^1] = segments[^1] with { End = c };
            else segments.Add((c, c, g));
        }
        segments.Add((0xFFFF, 0xFFFF, 0));
        var segCount = segments.Count;
        var length = 16 + segCount * 8;
        var bytes = new byte[12 + length];
        void W(int at, int value) => BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at), (ushort)value);
        W(0, 0); W(2, 1); W(4, 3); W(6, 1); BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), 12);
        var sub = 12;
        var selector = (int)Math.Floor(Math.Log2(segCount));
        W(sub, 4); W(sub + 2, length); W(sub + 4, 0); W(sub + 6, segCount * 2);
        W(sub + 8, 2 << selector); W(sub + 10, selector); W(sub + 12, segCount * 2 - (2 << selector));
        for (var s = 0; s < segCount; s++)
        {
            var (start, end, glyph) = segments[s];
            W(sub + 14 + s * 2, end);
            W(sub + 16 + segCount * 2 + s * 2, start);
            W(sub + 16 + segCount * 4 + s * 2, start == 0xFFFF ? 1 : (glyph - start) & 0xFFFF);
            W(sub + 16 + segCount * 6 + s * 2, 0);
        }
        return bytes;
    }

    private static Dictionary<string, (int Offset, int Length)> ReadTableDirectory(byte[] font)
    {
        if (U32(font, 0) is not (0x00010000 or 0x74727565)) throw new InvalidDataException("Not a TrueType font.");
        var count = U16(font, 4);
        var tables = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var at = 12 + i * 16;
            var tag = System.Text.Encoding.ASCII.GetString(font, at, 4);
            tables[tag] = ((int)U32(font, at + 8), (int)U32(font, at + 12));
        }
        return tables;
    }

    private static ReadOnlySpan<byte> Table(byte[] font, Dictionary<string, (int Offset, int Length)> tables, string tag) =>
        font.AsSpan(tables[tag].Offset, tables[tag].Length);

    /// <summary>The font file: table directory (sorted tags, checksums) and the tables, each padded to four bytes.</summary>
    private static byte[] Write(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var selector = (int)Math.Floor(Math.Log2(count));
        var size = 12 + 16 * count + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var bytes = new byte[size];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(6), (ushort)(16 << selector));
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(8), (ushort)selector);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(10), (ushort)(count * 16 - (16 << selector)));
        var offset = 12 + 16 * count;
        var headOffset = -1;
        var i = 0;
        foreach (var (tag, data) in tables)
        {
            var entry = 12 + i++ * 16;
            System.Text.Encoding.ASCII.GetBytes(tag, bytes.AsSpan(entry, 4));
            data.CopyTo(bytes, offset);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(entry + 4), Checksum(bytes.AsSpan(offset, (data.Length + 3) & ~3)));
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(entry + 8), (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(entry + 12), (uint)data.Length);
            if (tag == "head") headOffset = offset;
            offset += (data.Length + 3) & ~3;
        }
        if (headOffset >= 0) BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(headOffset + 8), 0xB1B0AFBA - Checksum(bytes));
        return bytes;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 3 < data.Length; i += 4) sum += BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
        return sum;
    }

    private static ushort U16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16BigEndian(b[at..]);
    private static short I16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadInt16BigEndian(b[at..]);
    private static uint U32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32BigEndian(b[at..]);
}
