// Connectors pillar: the subject's rows in the company's own PostgreSQL and MariaDB tables, exported and erased per request.
export { ConnectorConfig, ConnectorList, ERASE_MODES, type ConnectorDriver, type ConnectorErasure, type ConnectorPort, type ConnectorSummary, type EraseMode, type TableSpec } from './connectors.model.ts';
export { ConnectorRunner, defaultDrivers, type ConnectorRunnerDeps } from './connectors.runner.ts';
export { ConnectorFault, type DriverFactory } from './connectors.driver.ts';
export { listRuns, type RunState } from './connectors.store.ts';
export { postgresDriver } from './postgres.driver.ts';
export { mariadbDriver } from './mariadb.driver.ts';
