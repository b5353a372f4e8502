import * as Y from 'yjs'
import type { Database } from '../../db/open-database'
import {
  type AnalysisCard,
  type Annotation,
  addThread,
  boardDocument,
} from '../boards/board-document'
import { insertBoard } from '../boards/board-store'
import { appendBoardUpdate } from '../sync/board-log-store'

export interface DemoBoardAuthor {
  userId: string
  partnerId: string
  displayName: string
}

/**
 * Creates the sample board of the demo centre: a centre-wide board with a
 * map view over the Central Mediterranean and the Balkans, shared filters,
 * a few annotated routes and places, three analysis cards, a comment
 * thread and a short narrative. Its content is stored as the board's first
 * logged update, exactly as if an analyst had drawn it live.
 */
export async function seedDemoBoard(
  db: Database,
  author: DemoBoardAuthor,
  createdAt: Date = new Date(),
): Promise<{ boardId: string }> {
  const board = await insertBoard(db, {
    title: 'Central Mediterranean and Balkan routes — joint review',
    visibility: 'centre',
    ownerPartnerId: author.partnerId,
    createdBy: author.userId,
  })
  const doc = buildDemoBoardDocument(author, createdAt)
  await appendBoardUpdate(db, board.id, Y.encodeStateAsUpdate(doc))
  doc.destroy()

  return { boardId: board.id }
}

/** The sample board's document, on its own (for seeding and tests). */
export function buildDemoBoardDocument(
  author: DemoBoardAuthor,
  createdAt: Date,
): Y.Doc {
  const doc = new Y.Doc()
  const board = boardDocument(doc)
  const at = createdAt.toISOString()
  const by = { authorId: author.userId, authorName: author.displayName }

  doc.transact(() => {
    board.view.set('center', [16.5, 41.5])
    board.view.set('zoom', 4.2)
    board.view.set('bearing', 0)
    board.filters.set('period', { from: '2022-01', to: '2024-12' })
    board.filters.set('exploitation', ['labour', 'sexual'])

    for (const annotation of demoAnnotations(by, at)) {
      board.annotations.set(annotation.id, annotation)
    }
    for (const card of demoCards(author.userId)) {
      board.cards.set(card.id, card)
      board.cardOrder.push([card.id])
    }
    addThread(doc, 'thread-lampedusa', 'route-central-med', {
      id: 'comment-1',
      ...by,
      text: 'Arrivals on this route doubled after the spring; worth a signal check.',
      createdAt: at,
    })
    board.narrative.insert(
      0,
      'Partners report more labour exploitation cases among people who ' +
        'arrived by the Central Mediterranean route, with recruitment in ' +
        'transit countries. The Balkan route shows fewer but younger ' +
        'victims. Next step: compare with the indicator map by region.',
    )
  })

  return doc
}

function demoAnnotations(
  by: { authorId: string; authorName: string },
  createdAt: string,
): Annotation[] {
  const properties = (
    kind: Annotation['properties']['kind'],
    text: string,
    colour: string,
  ) => ({ kind, text, colour, ...by, createdAt })

  return [
    {
      type: 'Feature',
      id: 'route-central-med',
      geometry: {
        type: 'LineString',
        coordinates: [
          [13.19, 32.89],
          [12.6, 35.5],
          [15.09, 37.5],
          [12.5, 41.9],
        ],
      },
      properties: properties(
        'route',
        'Tripoli → Lampedusa → Catania → Rome',
        '#d9480f',
      ),
    },
    {
      type: 'Feature',
      id: 'route-balkans',
      geometry: {
        type: 'LineString',
        coordinates: [
          [28.98, 41.01],
          [21.43, 42.0],
          [20.46, 44.82],
          [16.37, 48.21],
          [4.35, 50.85],
        ],
      },
      properties: properties(
        'route',
        'Istanbul → Skopje → Belgrade → Vienna → Brussels',
        '#1971c2',
      ),
    },
    {
      type: 'Feature',
      id: 'pin-brussels',
      geometry: { type: 'Point', coordinates: [4.35, 50.85] },
      properties: properties(
        'pin',
        'Destination: construction and cleaning sectors',
        '#2f9e44',
      ),
    },
    {
      type: 'Feature',
      id: 'area-transit',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [19.0, 40.5],
            [23.0, 40.5],
            [23.0, 45.5],
            [19.0, 45.5],
            [19.0, 40.5],
          ],
        ],
      },
      properties: properties(
        'area',
        'Transit region: recruitment reported',
        '#ae3ec9',
      ),
    },
  ]
}

function demoCards(authorId: string): AnalysisCard[] {
  return [
    {
      id: 'card-trend',
      title: 'Cases by form of exploitation, monthly',
      kind: 'trend',
      query: { dimension: 'exploitation', interval: 'month' },
      display: { chart: 'line' },
      authorId,
    },
    {
      id: 'card-flows',
      title: 'Origin → destination flows',
      kind: 'flow',
      query: { from: 'origin', to: 'destination', via: 'transit' },
      display: { minimumWeight: 5 },
      authorId,
    },
    {
      id: 'card-map',
      title: 'Change in reported cases by country',
      kind: 'indicator-map',
      query: { measure: 'change', compare: 'previous-year' },
      display: { palette: 'diverging' },
      authorId,
    },
  ]
}
