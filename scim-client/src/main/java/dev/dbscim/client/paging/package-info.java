/**
 * Paged list results: {@link dev.dbscim.client.paging.PagedIterable} for iterating every resource lazily and
 * {@link dev.dbscim.client.paging.Page} for paging by hand (RFC 7644 section 3.4.2.4).
 */
package dev.dbscim.client.paging;
