export * from './china-calendar';
export * from './lunar';
export * from './working-pace';
