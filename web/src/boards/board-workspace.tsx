import { A } from '@solidjs/router'
import { createEffect, createSignal, onCleanup, onMount, Show } from 'solid-js'
import type { MapView } from '../../../server/boards/board-document'
import type { Me } from '../api/types'
import type { DrawnGeometry } from '../map/draw-control'
import type { maplibregl } from '../map/maplibre'
import { type Author, addAnnotation, useAnnotations } from './annotations'
import { connectBoard } from './board-connection'
import { BoardMap, currentView } from './board-map'
import { BoardSidePanel } from './board-side-panel'
import type { BoardDetails } from './boards-api'
import { DrawToolbar } from './draw-toolbar'
import { ParticipantsList } from './participants-list'
import {
  colourFor,
  publishCursor,
  publishPresence,
  publishViewport,
  useParticipants,
} from './presence'
import {
  readSharedView,
  startPresenting,
  stopPresenting,
  usePresenterId,
  writeSharedView,
} from './presenter'
import { SaveIndicator } from './save-indicator'
import { useThreads } from './threads'
import type { DrawingTool } from './tools'

const VISIBILITY_LABELS: Record<BoardDetails['visibility'], string> = {
  centre: 'Whole centre',
  partner: 'Own partner',
  members: 'Members only',
}

/** A live board: map, tools, people, and the side panel, in one page. */
export function BoardWorkspace(props: { board: BoardDetails; user: Me }) {
  const connection = connectBoard(props.board.id)
  onCleanup(() => connection.destroy())
  const { doc, awareness } = connection
  const author: Author = { id: props.user.id, name: props.user.displayName }
  publishPresence(awareness, {
    id: props.user.id,
    name: props.user.displayName,
    partner: props.user.partner.name,
    colour: colourFor(props.user.id),
  })

  const annotations = useAnnotations(doc)
  const threads = useThreads(doc)
  const participants = useParticipants(awareness)
  const presenterId = usePresenterId(doc)
  const [selectedId, setSelectedId] = createSignal<string | null>(null)
  const [tool, setTool] = createSignal<DrawingTool | null>(null)
  const [colour, setColour] = createSignal('#d9480f')
  const [isFollowing, setFollowing] = createSignal(true)
  const [map, setMap] = createSignal<maplibregl.Map | null>(null)
  const [sharedView, setSharedView] = createSignal<MapView | null>(null)

  const isReadOnly = () =>
    props.board.access === 'viewer' || connection.isReadOnly()
  const isPresenting = () => presenterId() === props.user.id
  const canPresent = () => props.user.role === 'coordinator' && !isReadOnly()
  const presenter = () => {
    const id = presenterId()
    return participants().find((p) => p.user.id === id && !p.isSelf) ?? null
  }
  const followedView = () =>
    isFollowing() && !isPresenting() ? (presenter()?.viewport ?? null) : null

  createEffect(() => {
    if (connection.hasSynced()) setSharedView(readSharedView(doc))
  })

  const onDrawn = (geometry: DrawnGeometry) => {
    const current = tool()
    if (!current || isReadOnly()) return
    const id = addAnnotation(doc, {
      kind: current.kind,
      geometry,
      colour: colour(),
      author,
    })
    setTool(null)
    setSelectedId(id)
    document.getElementById('annotation-text')?.focus()
  }
  const pinAtCentre = () => {
    const centre = map()?.getCenter()
    if (!centre) return
    setTool({ kind: 'pin', shape: 'point', label: 'Pin', hint: '' })
    onDrawn({ type: 'Point', coordinates: [centre.lng, centre.lat] })
  }
  const present = () => {
    startPresenting(doc, props.user.id)
    const current = map()
    if (current) onViewChanged(currentView(current))
  }
  const onViewChanged = (view: MapView) => {
    publishViewport(awareness, view)
    if (isPresenting()) writeSharedView(doc, view)
  }

  onMount(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && tool()) setTool(null)
    }
    document.addEventListener('keydown', onKey)
    onCleanup(() => document.removeEventListener('keydown', onKey))
  })

  return (
    <div class="board" data-testid="board" data-read-only={isReadOnly()}>
      <header class="board-header">
        <div class="board-title">
          <A href="/boards" class="board-back">
            Boards
          </A>
          <h1>{props.board.title}</h1>
          <span class="board-visibility">
            {VISIBILITY_LABELS[props.board.visibility]}
          </span>
        </div>
        <SaveIndicator status={connection.status} />
        <ParticipantsList
          participants={participants}
          presenterId={presenterId}
        />
        <Show when={canPresent()}>
          <button
            type="button"
            aria-pressed={isPresenting()}
            onClick={() => (isPresenting() ? stopPresenting(doc) : present())}
          >
            {isPresenting() ? 'Stop presenting' : 'Present'}
          </button>
        </Show>
        <Show when={presenter()}>
          {(person) => (
            <label class="follow-toggle">
              <input
                type="checkbox"
                checked={isFollowing()}
                onChange={(event) => setFollowing(event.currentTarget.checked)}
              />
              Follow {person().user.name}
            </label>
          )}
        </Show>
      </header>
      <Show when={connection.closedMessage()}>
        {(message) => (
          <p class="board-alert" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <Show when={isReadOnly()}>
        <p class="board-notice" role="status">
          You can view this board but not change it.
        </p>
      </Show>
      <div class="board-body">
        <div class="board-map-area">
          <Show when={!isReadOnly()}>
            <DrawToolbar
              tool={tool}
              onTool={setTool}
              colour={colour}
              onColour={setColour}
              onPinAtCentre={pinAtCentre}
            />
          </Show>
          <div class="board-map">
            <BoardMap
              annotations={annotations}
              selectedId={selectedId}
              onSelect={setSelectedId}
              participants={participants}
              tool={tool}
              onDrawn={onDrawn}
              initialView={sharedView}
              followedView={followedView}
              onCursor={(position) => publishCursor(awareness, position)}
              onViewChanged={onViewChanged}
              onMap={setMap}
            />
          </div>
        </div>
        <BoardSidePanel
          doc={doc}
          annotations={annotations}
          selectedId={selectedId}
          onSelect={setSelectedId}
          threads={threads}
          author={author}
          isReadOnly={isReadOnly()}
          map={map}
        />
      </div>
    </div>
  )
}
