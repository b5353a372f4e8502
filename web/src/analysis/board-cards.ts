import { type Accessor, createSignal, onCleanup } from 'solid-js'
import type * as Y from 'yjs'
import {
  type AnalysisCard,
  type AnalysisKind,
  boardDocument,
} from '../../../server/boards/board-document'

export const CARD_KIND_LABELS: Record<AnalysisKind, string> = {
  trend: 'Trend',
  flow: 'Flows',
  'indicator-map': 'Indicator map',
}

const DEFAULT_QUERIES: Record<AnalysisKind, Record<string, unknown>> = {
  trend: { interval: 'month', splitBy: null },
  flow: {},
  'indicator-map': { role: 'citizenship' },
}

/** The board's analysis cards in reading order. */
export function useCards(doc: Y.Doc): Accessor<AnalysisCard[]> {
  const { cards, cardOrder } = boardDocument(doc)
  const read = () =>
    cardOrder.toArray().flatMap((id) => {
      const card = cards.get(id)
      return card ? [card] : []
    })
  const [list, setList] = createSignal(read())
  const onChange = () => setList(read())
  cards.observe(onChange)
  cardOrder.observe(onChange)
  onCleanup(() => {
    cards.unobserve(onChange)
    cardOrder.unobserve(onChange)
  })

  return list
}

export function addCard(
  doc: Y.Doc,
  kind: AnalysisKind,
  authorId: string,
): string {
  const { cards, cardOrder } = boardDocument(doc)
  const id = crypto.randomUUID()
  doc.transact(() => {
    cards.set(id, {
      id,
      title: CARD_KIND_LABELS[kind],
      kind,
      query: DEFAULT_QUERIES[kind],
      display: {},
      authorId,
    })
    cardOrder.push([id])
  })

  return id
}

/** Changes part of a card's query; everyone's card follows. */
export function updateCardQuery(
  doc: Y.Doc,
  id: string,
  changes: Record<string, unknown>,
): void {
  const { cards } = boardDocument(doc)
  const card = cards.get(id)
  if (card) cards.set(id, { ...card, query: { ...card.query, ...changes } })
}

export function removeCard(doc: Y.Doc, id: string): void {
  const { cards, cardOrder } = boardDocument(doc)
  doc.transact(() => {
    cards.delete(id)
    const index = cardOrder.toArray().indexOf(id)
    if (index >= 0) cardOrder.delete(index, 1)
  })
}

/** A string field of a card's query, or the fallback. */
export function queryText(
  card: AnalysisCard,
  name: string,
  fallback: string,
): string {
  const value = card.query[name]
  return typeof value === 'string' ? value : fallback
}
