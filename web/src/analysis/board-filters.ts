import { type Accessor, createSignal, onCleanup } from 'solid-js'
import type * as Y from 'yjs'
import { boardDocument } from '../../../server/boards/board-document'
import { type FilterName, type FilterValues, readFilters } from './filters'

/** The board's shared filters, which every card of the board reads. */
export function useBoardFilters(doc: Y.Doc): Accessor<FilterValues> {
  const { filters } = boardDocument(doc)
  const [values, setValues] = createSignal(readFilters(filters.entries()))
  const onChange = () => setValues(readFilters(filters.entries()))
  filters.observe(onChange)
  onCleanup(() => filters.unobserve(onChange))

  return values
}

/** Sets one shared filter for everyone; an empty value removes it. */
export function setBoardFilter(
  doc: Y.Doc,
  name: FilterName,
  value: string | undefined,
): void {
  const { filters } = boardDocument(doc)
  if (value) filters.set(name, value)
  else filters.delete(name)
}
