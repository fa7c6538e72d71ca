using System.Buffers.Binary;
using System.Text;

namespace SmartOffice.Bench.Circuits;

/// <summary>
/// One render batch as the server sends it (<c>JS.RenderBatch</c>), decoded the way blazor.web.js's
/// <c>OutOfProcessRenderBatch</c> reads it: the last five int32s locate the updated components, the reference frames, the
/// disposed component ids, the disposed event handler ids and the string table; every diff is a component id and its edits
/// (4 int32s each), every frame 20 bytes (its type, then type-specific ints), strings LEB128-length-prefixed UTF-8.
/// </summary>
internal sealed class RenderBatch
{
    private const int FrameSize = 20;
    private const int EditSize = 16;

    private RenderBatch(Diff[] diffs, Frame[] frames, int[] disposedComponentIds, ulong[] disposedEventHandlerIds)
    {
        Diffs = diffs;
        Frames = frames;
        DisposedComponentIds = disposedComponentIds;
        DisposedEventHandlerIds = disposedEventHandlerIds;
    }

    public Diff[] Diffs { get; }
    public Frame[] Frames { get; }
    public int[] DisposedComponentIds { get; }
    public ulong[] DisposedEventHandlerIds { get; }

    public static RenderBatch Read(ReadOnlySpan<byte> data)
    {
        var end = data.Length - 20;
        var updatedComponents = Int(data, end);
        var referenceFrames = Int(data, end + 4);
        var disposedComponents = Int(data, end + 8);
        var disposedHandlers = Int(data, end + 12);
        var stringTable = Int(data, end + 16);

        var strings = new string?[(end - stringTable) / 4];
        for (var i = 0; i < strings.Length; i++)
        {
            var at = Int(data, stringTable + i * 4);
            var length = Leb128(data, at, out var prefix);
            strings[i] = Encoding.UTF8.GetString(data.Slice(at + prefix, length));
        }

        var frames = new Frame[Int(data, referenceFrames)];
        for (var i = 0; i < frames.Length; i++)
            frames[i] = ReadFrame(data.Slice(referenceFrames + 4 + i * FrameSize, FrameSize), strings);

        var diffs = new Diff[Int(data, updatedComponents)];
        for (var i = 0; i < diffs.Length; i++)
        {
            var at = Int(data, updatedComponents + 4 + i * 4);
            var edits = new Edit[Int(data, at + 4)];
            for (var j = 0; j < edits.Length; j++)
            {
                var edit = at + 8 + j * EditSize;
                edits[j] = new Edit((EditType)Int(data, edit), Int(data, edit + 4), Int(data, edit + 8),
                    String(Int(data, edit + 12), strings));
            }
            diffs[i] = new Diff(Int(data, at), edits);
        }

        var disposedComponentIds = new int[Int(data, disposedComponents)];
        for (var i = 0; i < disposedComponentIds.Length; i++)
            disposedComponentIds[i] = Int(data, disposedComponents + 4 + i * 4);
        var disposedEventHandlerIds = new ulong[Int(data, disposedHandlers)];
        for (var i = 0; i < disposedEventHandlerIds.Length; i++)
            disposedEventHandlerIds[i] = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(disposedHandlers + 4 + i * 8, 8));
        return new RenderBatch(diffs, frames, disposedComponentIds, disposedEventHandlerIds);
    }

    private static Frame ReadFrame(ReadOnlySpan<byte> frame, string?[] strings)
    {
        var type = (FrameType)Int(frame, 0);
        return type switch
        {
            FrameType.Element => new Frame(type, Int(frame, 4), 0, String(Int(frame, 8), strings), null, 0),
            FrameType.Text or FrameType.Markup => new Frame(type, 1, 0, null, String(Int(frame, 4), strings), 0),
            FrameType.Attribute => new Frame(type, 1, 0, String(Int(frame, 4), strings), String(Int(frame, 8), strings),
                BinaryPrimitives.ReadUInt64LittleEndian(frame.Slice(12, 8))),
            FrameType.Component => new Frame(type, Int(frame, 4), Int(frame, 8), null, null, 0),
            FrameType.Region => new Frame(type, Int(frame, 4), 0, null, null, 0),
            FrameType.ElementReferenceCapture => new Frame(type, 1, 0, null, String(Int(frame, 4), strings), 0),
            _ => new Frame(type, 1, 0, null, null, 0),
        };
    }

    private static int Int(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt32LittleEndian(data.Slice(at, 4));

    private static string? String(int index, string?[] strings) => index >= 0 ? strings[index] : null;

    private static int Leb128(ReadOnlySpan<byte> data, int at, out int bytes)
    {
        var result = 0;
        var shift = 0;
        bytes = 0;
        byte current;
        do
        {
            current = data[at + bytes++];
            result |= (current & 0x7f) << shift;
            shift += 7;
        }
        while (current >= 0x80);
        return result;
    }

    /// <summary>An edit of a component's logical children; <see cref="FrameIndex"/> is the move target of a permutation entry.</summary>
    public readonly record struct Edit(EditType Type, int SiblingIndex, int FrameIndex, string? RemovedAttributeName);

    /// <summary>A reference frame: <see cref="Name"/> is an element's tag or an attribute's name, <see cref="Value"/>
    /// text, markup or an attribute's value.</summary>
    public readonly record struct Frame(FrameType Type, int SubtreeLength, int ComponentId, string? Name, string? Value,
        ulong EventHandlerId);

    public sealed record Diff(int ComponentId, Edit[] Edits);

    public enum EditType
    {
        PrependFrame = 1, RemoveFrame = 2, SetAttribute = 3, RemoveAttribute = 4, UpdateText = 5, StepIn = 6, StepOut = 7,
        UpdateMarkup = 8, PermutationListEntry = 9, PermutationListEnd = 10,
    }

    public enum FrameType
    {
        Element = 1, Text = 2, Attribute = 3, Component = 4, Region = 5, ElementReferenceCapture = 6, Markup = 8, NamedEvent = 10,
    }
}
