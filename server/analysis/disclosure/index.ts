export * from './count-table'
export * from './disclose-table'
export * from './neighbour-filters'
export * from './protect-table'
