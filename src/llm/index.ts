export * from './errors.js';
export * from './config.js';
export * from './pricing.js';
export * from './budget.js';
export * from './client.js';
