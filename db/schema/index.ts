export * from './audit'
export * from './boards'
export * from './identity'
export * from './records'
