import { Route, Router } from '@solidjs/router'
import { MapPage } from './pages/map-page'
import { AppShell } from './shell/app-shell'

/** Every page of the app, inside the shared shell. */
export function App() {
  return (
    <Router root={AppShell}>
      <Route path="/" component={MapPage} />
    </Router>
  )
}
