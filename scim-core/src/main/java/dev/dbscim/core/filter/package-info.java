/**
 * SCIM filters (RFC 7644 section 3.4.2.2) and PATCH paths (section 3.5.2): an immutable syntax tree ({@link
 * dev.dbscim.core.filter.Filter}) with a strict and a lenient parser, an attribute-first builder ({@link
 * dev.dbscim.core.filter.AttributeRef}), a canonical rendering, and an evaluator against JSON resources ({@link
 * dev.dbscim.core.filter.FilterEvaluator}).
 */
package dev.dbscim.core.filter;
