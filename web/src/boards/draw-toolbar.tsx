import { type Accessor, For, Show } from 'solid-js'
import { ANNOTATION_COLOURS } from './annotations'
import { DRAWING_TOOLS, type DrawingTool } from './tools'

interface DrawToolbarProps {
  tool: Accessor<DrawingTool | null>
  onTool: (tool: DrawingTool | null) => void
  colour: Accessor<string>
  onColour: (colour: string) => void
  /** Adds a pin where the map is centred: drawing without a pointer. */
  onPinAtCentre: () => void
}

/** The drawing tools, shown to people who may edit the board. */
export function DrawToolbar(props: DrawToolbarProps) {
  return (
    <div class="draw-toolbar" role="toolbar" aria-label="Drawing tools">
      <For each={DRAWING_TOOLS}>
        {(tool) => (
          <button
            type="button"
            class="tool-button"
            aria-pressed={props.tool()?.kind === tool.kind}
            onClick={() =>
              props.onTool(props.tool()?.kind === tool.kind ? null : tool)
            }
          >
            {tool.label}
          </button>
        )}
      </For>
      <button
        type="button"
        class="tool-button"
        onClick={() => props.onPinAtCentre()}
      >
        Pin at centre
      </button>
      <label class="tool-colour">
        <span>Colour</span>
        <select
          value={props.colour()}
          onChange={(event) => props.onColour(event.currentTarget.value)}
        >
          <For each={ANNOTATION_COLOURS}>
            {(colour) => <option value={colour.value}>{colour.name}</option>}
          </For>
        </select>
      </label>
      <Show when={props.tool()}>
        {(tool) => (
          <p class="tool-hint" aria-live="polite">
            {tool().hint} Press Escape to stop drawing.
          </p>
        )}
      </Show>
    </div>
  )
}
