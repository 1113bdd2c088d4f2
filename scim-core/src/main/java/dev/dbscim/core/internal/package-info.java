/**
 * Internals of scim-core: parsers, escaping and the Immutables style.
 *
 * <p>Not public API; may change without notice.
 */
package dev.dbscim.core.internal;
