using System.Text;
using System.Text.RegularExpressions;
using static SmartOffice.Bench.Circuits.RenderBatch;

namespace SmartOffice.Bench.Circuits;

/// <summary>
/// The page as the browser's renderer holds it, minus the browser: a tree of logical children (elements, text, markup
/// blocks and one container per component, as blazor.web.js's <c>LogicalElements</c> has it) that render batches are applied
/// to with the same edit rules as its <c>BrowserRenderer</c>. Elements keep their attributes and their event handlers (the ids
/// a browser event is dispatched with), so the load client finds fields by stable attributes (<c>data-line</c>,
/// <c>data-field</c>, <c>data-testid</c>) the way the browser tests do, and reads what an agent would see.
/// </summary>
internal sealed partial class LogicalDom
{
    private readonly Dictionary<int, Container> _components = [];
    private readonly List<Container> _roots = [];
    private readonly Dictionary<ulong, Element> _handlers = [];

    /// <summary>The server attached a root component to a prerendered component's place (<c>JS.AttachComponent</c>).</summary>
    public void AttachRoot(int componentId)
    {
        var root = new Container();
        _roots.Add(root);
        _components[componentId] = root;
    }

    public void Apply(RenderBatch batch)
    {
        foreach (var diff in batch.Diffs)
        {
            if (!_components.TryGetValue(diff.ComponentId, out var container))
                throw new InvalidOperationException($"No element is associated with component {diff.ComponentId}.");
            ApplyEdits(batch, diff.ComponentId, container, diff.Edits);
        }
        foreach (var id in batch.DisposedComponentIds)
            _components.Remove(id);
        foreach (var id in batch.DisposedEventHandlerIds)
        {
            if (_handlers.Remove(id, out var element))
                element.RemoveHandler(id);
        }
    }

    /// <summary>The first element, in document order, that matches; <paramref name="within"/> narrows the search to its
    /// descendants.</summary>
    public Element? Find(Func<Element, bool> match, Container? within = null)
    {
        foreach (var root in within is null ? _roots : [within])
        {
            if (Find(root, match) is { } found)
                return found;
        }
        return null;
    }

    private static Element? Find(Container parent, Func<Element, bool> match)
    {
        foreach (var child in parent.Children)
        {
            if (child is Element element && match(element))
                return element;
            if (child is Container container && Find(container, match) is { } found)
                return found;
        }
        return null;
    }

    /// <summary>What the browser's <c>textContent</c> would give (markup blocks without their tags).</summary>
    public static string TextOf(Node node)
    {
        var text = new StringBuilder();
        Append(node, text);
        return text.ToString();

        static void Append(Node node, StringBuilder text)
        {
            switch (node)
            {
                case Text t:
                    text.Append(t.Value);
                    break;
                case Markup m:
                    text.Append(Tags().Replace(m.Html, ""));
                    break;
                case Container c:
                    foreach (var child in c.Children)
                        Append(child, text);
                    break;
            }
        }
    }

    private void ApplyEdits(RenderBatch batch, int componentId, Container parent, Edit[] edits)
    {
        var depth = 0;
        List<(int From, int To)>? permutation = null;
        foreach (var edit in edits)
        {
            var index = edit.SiblingIndex;
            switch (edit.Type)
            {
                case EditType.PrependFrame:
                    InsertFrame(batch, componentId, parent, index, edit.FrameIndex);
                    break;
                case EditType.RemoveFrame:
                    parent.Children.RemoveAt(index);
                    break;
                case EditType.SetAttribute:
                    ApplyAttribute(componentId, (Element)parent.Children[index], batch.Frames[edit.FrameIndex]);
                    break;
                case EditType.RemoveAttribute:
                    ((Element)parent.Children[index]).Attributes.Remove(edit.RemovedAttributeName!);
                    break;
                case EditType.UpdateText:
                    ((Text)parent.Children[index]).Value = batch.Frames[edit.FrameIndex].Value ?? "";
                    break;
                case EditType.UpdateMarkup:
                    parent.Children[index] = new Markup(batch.Frames[edit.FrameIndex].Value ?? "") { Parent = parent };
                    break;
                case EditType.StepIn:
                    parent = (Container)parent.Children[index];
                    depth++;
                    break;
                case EditType.StepOut:
                    parent = parent.Parent!;
                    depth--;
                    break;
                case EditType.PermutationListEntry:
                    (permutation ??= []).Add((index, edit.FrameIndex));
                    break;
                case EditType.PermutationListEnd:
                    var moving = permutation!.Select(p => (p.To, Node: parent.Children[p.From])).ToList();
                    foreach (var (to, node) in moving)
                        parent.Children[to] = node;
                    permutation = null;
                    break;
                default:
                    throw new InvalidOperationException($"Unknown edit type {edit.Type}.");
            }
        }
        if (depth != 0)
            throw new InvalidOperationException("A render batch's edits did not step back out to the component.");
    }

    /// <summary>Inserts a frame (and its subtree) as logical children at <paramref name="index"/>; returns how many it inserted.</summary>
    private int InsertFrame(RenderBatch batch, int componentId, Container parent, int index, int frameIndex)
    {
        var frame = batch.Frames[frameIndex];
        switch (frame.Type)
        {
            case FrameType.Element:
                var element = new Element(frame.Name!) { Parent = parent };
                parent.Children.Insert(index, element);
                var end = frameIndex + frame.SubtreeLength;
                var child = frameIndex + 1;
                for (; child < end && batch.Frames[child].Type == FrameType.Attribute; child++)
                    ApplyAttribute(componentId, element, batch.Frames[child]);
                InsertRange(batch, componentId, element, 0, child, end);
                return 1;
            case FrameType.Text:
                parent.Children.Insert(index, new Text(frame.Value ?? "") { Parent = parent });
                return 1;
            case FrameType.Markup:
                parent.Children.Insert(index, new Markup(frame.Value ?? "") { Parent = parent });
                return 1;
            case FrameType.Component:
                var container = new Container { Parent = parent };
                parent.Children.Insert(index, container);
                _components[frame.ComponentId] = container;
                return 1;
            case FrameType.Region:
                return InsertRange(batch, componentId, parent, index, frameIndex + 1, frameIndex + frame.SubtreeLength);
            default:
                // A reference capture or a named event: a frame in the diff, no node on the page.
                return 0;
        }
    }

    private int InsertRange(RenderBatch batch, int componentId, Container parent, int index, int start, int end)
    {
        var first = index;
        for (var frameIndex = start; frameIndex < end; frameIndex++)
        {
            index += InsertFrame(batch, componentId, parent, index, frameIndex);
            var frame = batch.Frames[frameIndex];
            if (frame.Type is FrameType.Element or FrameType.Component or FrameType.Region)
                frameIndex += frame.SubtreeLength - 1;
        }
        return index - first;
    }

    private void ApplyAttribute(int componentId, Element element, Frame attribute)
    {
        if (attribute.EventHandlerId != 0)
        {
            var eventName = attribute.Name!.StartsWith("on", StringComparison.Ordinal) ? attribute.Name[2..] : attribute.Name;
            element.Handlers[eventName] = new EventHandler(attribute.EventHandlerId, componentId);
            _handlers[attribute.EventHandlerId] = element;
        }
        else if (attribute.Value is null)
        {
            element.Attributes.Remove(attribute.Name!);
        }
        else
        {
            element.Attributes[attribute.Name!] = attribute.Value;
        }
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    internal abstract class Node
    {
        public Container? Parent { get; set; }
    }

    /// <summary>A logical parent: a component's place, or an element.</summary>
    internal class Container : Node
    {
        public List<Node> Children { get; } = [];
    }

    internal sealed class Element(string tag) : Container
    {
        public string Tag { get; } = tag;
        public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, EventHandler> Handlers { get; } = new(StringComparer.Ordinal);

        public string? this[string attribute] => Attributes.GetValueOrDefault(attribute);

        public void RemoveHandler(ulong id)
        {
            foreach (var (name, handler) in Handlers)
            {
                if (handler.Id == id)
                {
                    Handlers.Remove(name);
                    return;
                }
            }
        }
    }

    internal sealed class Text(string value) : Node
    {
        public string Value { get; set; } = value;
    }

    internal sealed class Markup(string html) : Node
    {
        public string Html { get; } = html;
    }

    /// <summary>An event handler as the renderer assigned it: its id and the component that rendered it (the event's field info).</summary>
    internal readonly record struct EventHandler(ulong Id, int ComponentId);
}
