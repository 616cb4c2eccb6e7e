export * from './china-calendar';
export * from './lunar';
