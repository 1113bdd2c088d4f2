/**
 * Immutable SCIM resource models shaped as Databricks sends them, lossless for attributes they do not name.
 */
@ScimStyle
package dev.dbscim.core.model;

import dev.dbscim.core.internal.ScimStyle;
