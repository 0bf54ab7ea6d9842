// The engine version recorded in workspaces, import logs and evaluation runs.
export const APP_VERSION = '0.1.0';
