import { Route, Router } from '@solidjs/router'
import { AnalysisPage } from './analysis/analysis-page'
import { AdminOnly, SignedIn } from './auth/signed-in'
import { BoardPage } from './boards/board-page'
import { BoardsListPage } from './boards/boards-list-page'
import { AccountPage } from './pages/account-page'
import { AuditPage } from './pages/admin/audit-page'
import { PartnersPage } from './pages/admin/partners-page'
import { TokensPage } from './pages/admin/tokens-page'
import { UsersPage } from './pages/admin/users-page'
import { LoginPage } from './pages/login-page'
import { MapPage } from './pages/map-page'
import { BatchesPage } from './pages/records/batches-page'
import { EditRecordPage } from './pages/records/edit-record-page'
import { ImportPage } from './pages/records/import-page'
import { NewRecordPage } from './pages/records/new-record-page'
import { RecordsListPage } from './pages/records/records-list-page'
import { AppShell } from './shell/app-shell'

/**
 * Every page of the app, inside the shared shell. Only the sign-in page is
 * open to all; everything else needs a session, the admin pages an admin.
 */
export function App() {
  return (
    <Router root={AppShell}>
      <Route path="/login" component={LoginPage} />
      <Route path="/" component={SignedIn}>
        <Route path="/" component={MapPage} />
        <Route path="/boards" component={BoardsListPage} />
        <Route path="/analysis" component={AnalysisPage} />
        <Route path="/boards/:id" component={BoardPage} />
        <Route path="/records" component={RecordsListPage} />
        <Route path="/records/new" component={NewRecordPage} />
        <Route path="/records/import" component={ImportPage} />
        <Route path="/records/batches" component={BatchesPage} />
        <Route path="/records/:id/edit" component={EditRecordPage} />
        <Route path="/account" component={AccountPage} />
        <Route path="/admin" component={AdminOnly}>
          <Route path="/partners" component={PartnersPage} />
          <Route path="/users" component={UsersPage} />
          <Route path="/tokens" component={TokensPage} />
          <Route path="/audit" component={AuditPage} />
        </Route>
      </Route>
    </Router>
  )
}
