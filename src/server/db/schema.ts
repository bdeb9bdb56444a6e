/**
 * The database schema, one file per table group in ./schema/, all of them re-exported here so that
 * every import (and drizzle-kit) reads the schema from this one module. Migrations in ./migrations are
 * generated from it with `npm run db:generate` and committed; a landed migration is never edited.
 * Every column and query stays within what both PGlite (PostgreSQL 18) and PostgreSQL 15 accept.
 */

export * from './schema/activities.js';
export * from './schema/audit.js';
export * from './schema/auth.js';
export * from './schema/benchmarks.js';
export * from './schema/contacts.js';
export * from './schema/documents.js';
export * from './schema/imports.js';
export * from './schema/lifecycle.js';
export * from './schema/match.js';
export * from './schema/open.js';
export * from './schema/partnerships.js';
export * from './schema/programmes.js';
export * from './schema/projects.js';
export * from './schema/reference.js';
